/**
 * Builds the seed data plus N generated articles with the real build step (buildDataSetStreamed,
 * as `npm run data:build` does), then writes every key into the bench worker's local KV,
 * pointer last. Run as a child process so its time and peak memory are the build's own:
 *
 *   tsx bench/load-corpus.ts --articles N --url http://127.0.0.1:PORT [--kb-entities M]
 *
 * (--kb-entities: the knowledge base with M generated entities more, bench/kb-entities.ts;
 * --pages-named P,Q: of those, only the pages (e: keys) of entity 0 and of the entities type-ahead
 * for P or Q may answer are loaded, every other key is: what a person page of entity 0 and
 * type-ahead for P read, without loading a million pages no measured request reads.)
 *
 * Prints one JSON line: build time and peak RSS (at the end of the build, and over the whole
 * process: the entries are built again as they are loaded), load time, keys, bytes, version.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { buildDataSetStreamed } from '../tools/compile/build-data-streamed';
import { listSourceFiles } from '../tools/data/source-files';
import { lazyCorpus } from '../tools/fixtures/corpus';
import { generatedNumber, namedWithPrefix, sourcesWithEntities } from './kb-entities';

const { values } = parseArgs({ options: { articles: { type: 'string' }, url: { type: 'string' }, 'kb-entities': { type: 'string', default: '0' }, 'pages-named': { type: 'string' } } });
const pagesNamed = values['pages-named'];
/** A generated entity's page that no measured request reads (--pages-named). */
const unread = (key: string) => {
  if (pagesNamed === undefined) return false;
  const m = /^v:[^:]+:e:(.+)$/.exec(key);
  const i = m ? generatedNumber(m[1]!) : undefined;
  return i !== undefined && i !== 0 && !pagesNamed.split(',').some((p) => namedWithPrefix(i, p));
};
let skipped = 0;
const articles = Number(values.articles);
/** Entries per POST: a few MB of JSON, written by the worker in parallel. */
const BATCH = 200;
const PARALLEL = 4;
/** Attempts per batch: workerd under load closes a connection now and then. */
const ATTEMPTS = 8;

const started = performance.now();
// No name holds the files: once read, their text can be collected.
const kbEntities = Number(values['kb-entities']);
const sources = kbEntities > 0 ? sourcesWithEntities(kbEntities) : listSourceFiles('data');
const result = await buildDataSetStreamed([...sources, ...lazyCorpus(articles)], {
  builtAt: '2026-01-01T00:00:00.000Z',
  hash: async (text) => createHash('sha256').update(text).digest('hex'),
  // Progress on stderr: a million entities take minutes to read, link and compile.
  progress: (line) => console.error(`building: ${line} (${((performance.now() - started) / 1000).toFixed(0)} s)`),
});
if (!result.ok) throw new Error(`the generated corpus is invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
const buildMs = performance.now() - started;
const buildMaxRssMb = process.resourceUsage().maxRSS / 1024;

/** The largest stored value: Workers KV takes at most 25 MiB a value. */
const largest = { key: '', bytes: 0 };

/** Posts one batch; retried, because workerd closes a connection now and then under load. */
async function put(batch: Array<{ key: string; value: unknown }>): Promise<void> {
  const pairs = batch.map((e) => ({ key: e.key, value: JSON.stringify(e.value) }));
  for (const { key, value } of pairs) {
    const bytes = Buffer.byteLength(value);
    if (bytes > largest.bytes) Object.assign(largest, { key, bytes });
  }
  const body = JSON.stringify(pairs);
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${values.url}/__bench/put`, { method: 'POST', body });
      if (response.ok) return;
      throw new Error(`${response.status} ${await response.text()}`);
    } catch (error) {
      if (attempt === ATTEMPTS) throw error;
      console.error(`loading KV: attempt ${attempt} failed (${String(error)}); retrying`);
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

const loadStarted = performance.now();
const { entries, pointer, summary, version } = result.data;
const stream = entries[Symbol.iterator]();
let loaded = 0;
let reported = 0;
const nextBatch = () => {
  const batch = [];
  for (let e = stream.next(); !e.done; e = stream.next()) {
    if (unread(e.value.key)) {
      skipped++;
      continue;
    }
    batch.push(e.value);
    if (batch.length === BATCH) break;
  }
  return batch;
};
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    for (let batch = nextBatch(); batch.length > 0; batch = nextBatch()) {
      await put(batch);
      loaded += batch.length;
      // Progress on stderr: loading 300,000 keys into Miniflare's KV takes minutes.
      if (loaded - reported >= 20_000) {
        reported = loaded;
        console.error(`loading KV: ${loaded} of ${summary.keys} keys, ${((performance.now() - loadStarted) / 1000).toFixed(0)} s, RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
      }
    }
  }),
);
await put([pointer]);
result.data.dispose();
const loadMs = performance.now() - loadStarted;
const maxRssMb = process.resourceUsage().maxRSS / 1024;

console.log(JSON.stringify({
  articles: summary.articles, keys: summary.keys, loadedKeys: summary.keys - skipped, bytes: summary.bytes, version, buildMs, buildMaxRssMb, maxRssMb, loadMs,
  largestValue: { key: largest.key.replace(`v:${version}:`, ''), bytes: largest.bytes },
}));
