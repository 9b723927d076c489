/**
 * `npm run bench -- --publish-one [--sizes 1000,100000]`: what publishing one article costs at
 * each corpus size (budget: at most 300 keys, 2 MB and 15 s at 100,000 articles). For each
 * size: the full build of the seed data plus N generated articles (tools/fixtures/corpus.ts),
 * published into a KV held in memory (tools/fixtures/memory-kv.ts); then three incremental publishes
 * through the path `npm run ingest -- --publish` takes (tools/delta/publish-changes.ts): one
 * new article, one article's text corrected, one withdrawn. Reports keys and bytes written,
 * KV round trips, and the time of each publish end to end (reading the data files, building
 * the delta, publishing it); writes bench/results/publish-one-<time>.json.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { lists } from '../src/model/keys';
import { buildDataSetStreamed } from '../tools/compile/build-data-streamed';
import { publish } from '../tools/publish/publish';
import { publishChanges } from '../tools/delta/publish-changes';
import { readSourceFiles } from '../tools/data/source-files';
import { generateArticle, generateCorpus } from '../tools/fixtures/corpus';
import { memoryKv } from '../tools/fixtures/memory-kv';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,100000' }, 'publish-one': { type: 'boolean' } }, strict: false });
const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex');
const started = performance.now();
const progress = (line: string) => console.error(`[publish-one ${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
export const BUDGET = { keys: 300, bytes: 2 * 1024 * 1024, ms: 15_000 };

async function measure(articles: number) {
  const kv = memoryKv();
  progress(`${articles}: full build of the seed data and ${articles} generated articles`);
  const built = await buildDataSetStreamed([...readSourceFiles('data'), ...generateCorpus(articles)], { builtAt: '2026-01-01T00:00:00.000Z', hash: sha256, progress });
  if (!built.ok) throw new Error(`the generated corpus is invalid: ${JSON.stringify(built.problems.slice(0, 3))}`);
  const entries = [...built.data.entries].map((e) => ({ key: e.key, value: JSON.stringify(e.value) }));
  built.data.dispose();
  await publish(kv, { pointer: built.data.pointer.value, entries });
  progress(`${articles}: ${entries.length} keys published in full`);
  entries.length = 0;
  // What the first page of the feed reads besides its cards' entities, and the index a deep
  // cursor adds: the head stays the same size at any corpus size (src/model/list-layout.ts).
  const at = (logical: string) => Buffer.byteLength(kv.store.get(`v:${built.data.version}:${logical}`) ?? '');
  const listBytes = { head: at(`h:${lists.articles}`), leaf0: at(`l:${lists.articles}:0`), index: at(`x:${lists.articles}`) };
  progress(`${articles}: the feed's head ${listBytes.head} bytes, leaf 0 ${listBytes.leaf0} bytes, index ${listBytes.index} bytes`);

  const corrected = JSON.parse(generateArticle(7).text) as { paragraphs: string[] };
  corrected.paragraphs = [...corrected.paragraphs.slice(1), 'A correction: one more sentence.'];
  const cases = {
    add: { files: [generateArticle(articles + 1)], withdrawn: [] as string[] },
    correct: { files: [{ path: 'articles/generated-000007.json', text: JSON.stringify(corrected) }], withdrawn: [] },
    withdraw: { files: [], withdrawn: ['generated-000011'] },
  };
  const figures: Record<string, unknown> = {};
  for (const [name, change] of Object.entries(cases)) {
    kv.resetCounts();
    const t0 = performance.now();
    // End to end as ingest runs it: the entity files read from data/, then build and publish.
    const files = [...readSourceFiles('data', 'entities'), ...change.files];
    const done = await publishChanges(kv, files, change.withdrawn, { builtAt: '2026-01-02T00:00:00.000Z', hash: sha256 }, progress);
    if (done.mode !== 'incremental') throw new Error('expected an incremental publish');
    const totalMs = performance.now() - t0;
    const { keysWritten, bytesWritten } = done.published;
    // Keys by kind (src/model/keys.ts): a article, h/l/x list head/leaf/index, r related, s:* search.
    const byKind: Record<string, number> = {};
    for (const e of done.delta.entries) {
      const [kind, sub] = e.key.split(':').slice(2);
      byKind[kind === 's' ? `s:${sub}` : kind!] = (byKind[kind === 's' ? `s:${sub}` : kind!] ?? 0) + 1;
    }
    figures[name] = { byKind, keysWritten, bytesWritten, deltaKeys: done.delta.entries.length, deleted: done.delta.deleted.length, keysRead: kv.counts.keysRead, readRoundTrips: kv.counts.readRoundTrips, buildMs: done.ms.build, publishMs: done.ms.publish, totalMs, withinBudget: keysWritten <= BUDGET.keys && bytesWritten <= BUDGET.bytes && totalMs <= BUDGET.ms };
    progress(`${articles} ${name}: ${JSON.stringify(byKind)}`);
    progress(`${articles} ${name}: ${keysWritten} keys, ${bytesWritten} bytes written, ${kv.counts.keysRead} keys read in ${kv.counts.readRoundTrips} round trips, ${totalMs.toFixed(0)} ms`);
  }
  return { articles, listBytes, ...figures };
}

const results = { kind: 'publish-one', startedAt: new Date().toISOString(), budget: BUDGET, sizes: [] as unknown[] };
for (const size of String(values.sizes).split(',').map(Number)) results.sizes.push(await measure(size));
console.log(JSON.stringify(results, null, 2));
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/publish-one-${results.startedAt.replace(/[:.]/g, '-')}.json`;
writeFileSync(file, JSON.stringify(results, null, 2));
progress(`figures written to ${file}`);
