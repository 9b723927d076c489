import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoryKv } from '../fixtures/memory-kv';
import type { VersionPointer } from '../../src/model/documents';
import { buildDataSet } from '../compile/build-data-set';
import { buildDelta } from './incremental';
import { previousFromKv } from './previous-version';
import { publish } from '../publish/publish';
import { publishDelta, type DeltaOptions } from './publish-delta';
import type { SourceFile } from '../data/read-data-set';
import { readCurrent } from './resolve-keys';
import { inMemorySearch } from '../compile/search-in-memory';
import { readSourceFiles } from '../data/source-files';
import { generateArticle, generateCorpus } from '../fixtures/corpus';

/**
 * Compaction folds the search's delta segments into the base shards (tools/delta/fold-segments.ts):
 * the same one-article publishes with and without a compaction at the third give the same
 * answer to every query, and the compacted base has no segment, nothing moved, and no key
 * more than the copy.
 */
const options = { builtAt: '2026-01-01T00:00:00.000Z', hash: async (t: string) => createHash('sha256').update(t).digest('hex') };
const entities = () => readSourceFiles('data', 'entities');
const fixed = JSON.parse(generateArticle(7).text) as { paragraphs: string[] };
fixed.paragraphs = [...fixed.paragraphs.slice(1), 'A correction: one more sentence about पुतिन.'];
const STEPS: Array<{ files: SourceFile[]; withdrawn: string[] }> = [
  { files: [generateArticle(61)], withdrawn: [] },
  { files: [{ path: 'articles/generated-000007.json', text: JSON.stringify(fixed) }], withdrawn: [] },
  { files: [generateArticle(62)], withdrawn: ['generated-000011', 'generated-000061'] },
];
const QUERIES = ['पुतिन', 'putin', 'kim jong un', '"उत्तर कोरिया"', 'सरकार -चुनाव', 'trade OR व्यापार', 'correction', 'moscow'];

// The bench's KV in memory (tools/fixtures/memory-kv.ts): publishing logic, not KV's, is under test here.
const kv = memoryKv();

/** The full build of 60 articles, then the steps; returns every answer and what the last publish did. */
async function run(bound: DeltaOptions) {
  await kv.deleteMany(await kv.list(''));
  const built = await buildDataSet([...readSourceFiles('data'), ...generateCorpus(60)], options);
  if (!built.ok) throw new Error(JSON.stringify(built.problems.slice(0, 3)));
  await publish(kv, { pointer: built.data.pointer.value, entries: [...built.data.entries].map((e) => ({ key: e.key, value: JSON.stringify(e.value) })) });
  let last;
  for (const step of STEPS) {
    const delta = await buildDelta((await previousFromKv(kv))!, [...entities(), ...step.files], step.withdrawn, options);
    if (!delta.ok) throw new Error(JSON.stringify(delta.problems.slice(0, 3)));
    last = await publishDelta(kv, delta.data, undefined, bound);
  }
  // What readers of the current version see, resolved through its chain when it has one.
  const logicals = [...new Set((await kv.list('v:')).map((k) => k.split(':').slice(2).join(':')).filter((l) => l.startsWith('s:')))];
  const { pointer, values } = await readCurrent(kv, logicals);
  const entries = [...values].flatMap(([l, v]) => (v ? [{ key: `v:${pointer!.version}:${l}`, value: JSON.parse(v) as unknown }] : []));
  const live = entries.filter((e) => /:s:p:\d+(:\d+)?$/.test(e.key) && inLayout(e.key, pointer!));
  const search = inMemorySearch(live.concat(entries.filter((e) => !/:s:p:/.test(e.key))), pointer!);
  return { pointer: pointer!, last: last!, keys: logicals, answers: QUERIES.map((q) => JSON.stringify([q, search.ranked(q).map((r) => [r.slug, r.score])])) };
}
/** Keys of absorbed segments stay reachable through the chain until compaction: readers never ask for them. */
const inLayout = (key: string, pointer: VersionPointer) => {
  const [, , part] = /:s:p:(\d+)(?::(\d+))?$/.exec(key)!;
  return part === undefined || (pointer.search?.tail ?? []).some(([p]) => p === Number(part));
};

describe('compaction folds the search segments into the base shards; level 1 keeps them', () => {
  it('answers every query as the uncompacted chain does, with no segment left', async () => {
    const chained = await run({});
    expect(chained.last.compacted).toBe(false);
    expect(chained.pointer.search!.tail!.length).toBeGreaterThan(0);
    // Level 1 may hold nothing: the publish past the bound writes a new base.
    const compacted = await run({ maxGenerations: 2, levelOneShare: 0 });
    expect(compacted.last.compacted).toBe(true);
    expect(compacted.answers).toEqual(chained.answers);
    expect(chained.answers.join()).toContain('generated-000062');
    expect(compacted.answers.join()).not.toContain('generated-000011');
    expect(compacted.pointer.search).toMatchObject({ parts: 0, tail: [], moved: 0 });
    const stored = await kv.list(`v:${compacted.pointer.version}:s:`);
    expect(stored.filter((k) => /:s:p:\d+:\d+$/.test(k) || k.endsWith(':s:x'))).toEqual([]);
    // Every key written is one the new base holds (the sync log's apart): folding adds none to the copy.
    expect(compacted.last.keysWritten - compacted.last.syncKeys).toBe((await kv.list(`v:${compacted.pointer.version}:`)).length);
  }, 120_000);

  it('a fold into level 1 leaves the segments where they are, and every query answers as on the chain', async () => {
    const chained = await run({});
    const folded = await run({ maxGenerations: 2 });
    expect(folded.last).toMatchObject({ folded: true, compacted: false });
    expect(folded.pointer.chain).toBeUndefined();
    expect(folded.pointer.search).toEqual(chained.pointer.search);
    expect(folded.answers).toEqual(chained.answers);
  }, 120_000);
});
