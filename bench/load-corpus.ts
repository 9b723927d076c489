/**
 * Builds the seed data plus N generated articles with the real build step (buildDataSet),
 * then writes every key into the bench worker's local KV, pointer last. Run as a child
 * process so its time and peak memory are the build's own:
 *
 *   tsx bench/load-corpus.ts --articles N --url http://127.0.0.1:PORT
 *
 * Prints one JSON line: build time and peak RSS, load time, keys, bytes, version.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { buildDataSet } from '../tools/build/build-data-set';
import { readSourceFiles } from '../tools/build/source-files';
import { generateCorpus } from '../tools/fixtures/corpus';

const { values } = parseArgs({ options: { articles: { type: 'string' }, url: { type: 'string' } } });
const articles = Number(values.articles);
/** Entries per POST: a few MB of JSON, written by the worker in parallel. */
const BATCH = 200;
const PARALLEL = 8;

const started = performance.now();
const files = [...readSourceFiles('data'), ...generateCorpus(articles)];
const result = await buildDataSet(files, {
  builtAt: '2026-01-01T00:00:00.000Z',
  hash: async (text) => createHash('sha256').update(text).digest('hex'),
});
if (!result.ok) throw new Error(`the generated corpus is invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
const buildMs = performance.now() - started;
const buildMaxRssMb = process.resourceUsage().maxRSS / 1024;

/** Posts one batch; retried, because workerd closes a connection now and then under load. */
async function put(batch: Array<{ key: string; value: unknown }>): Promise<void> {
  const body = JSON.stringify(batch.map((e) => ({ key: e.key, value: JSON.stringify(e.value) })));
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${values.url}/__bench/put`, { method: 'POST', body });
      if (response.ok) return;
      throw new Error(`${response.status} ${await response.text()}`);
    } catch (error) {
      if (attempt === 5) throw error;
      console.error(`loading KV: attempt ${attempt} failed (${String(error)}); retrying`);
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

const loadStarted = performance.now();
const { entries, pointer, summary, version } = result.data;
let next = 0;
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    while (next < entries.length) {
      const batch = entries.slice(next, next + BATCH);
      next += BATCH;
      await put(batch);
    }
  }),
);
await put([pointer]);
const loadMs = performance.now() - loadStarted;

console.log(JSON.stringify({ articles: summary.articles, keys: summary.keys, bytes: summary.bytes, version, buildMs, buildMaxRssMb, loadMs }));
