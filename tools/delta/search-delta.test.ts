import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ArticleDoc, EntityDoc } from '../../src/model/documents';
import { compareInList, cursorKeyOf } from '../../src/model/sort-key';
import type { SearchMeta, SuggestBucket, SuggestCounts } from '../../src/search/index-format';
import { withCounts } from '../../src/search/suggest-counts';
import { generateArticle, generateCorpus } from '../fixtures/corpus';
import { buildDataSet } from '../compile/build-data-set';
import type { SourceFile, TextSourceFile } from '../data/read-data-set';
import { searchDelta } from './search-delta';
import { buildSearchIndex } from '../compile/search-index';
import { inMemorySearch } from '../compile/search-in-memory';
import { searchEntries } from '../compile/search-tables';
import { readSourceFiles } from '../data/source-files';

/**
 * An incremental publish of the search index (search-delta.ts) against a full build of the
 * same articles with the base's layout: the same answer, byte for byte, to every query.
 */
const options = { builtAt: '2026-01-01T00:00:00.000Z', hash: async (t: string) => createHash('sha256').update(t).digest('hex') };
const BASE = 150;
const base = () => [...readSourceFiles('data'), ...generateCorpus(BASE)];
/** A generated article under another slug and date (later than every base article, or not). */
const article = (i: number, slug: string, date: string): TextSourceFile => {
  const file = generateArticle(i, 7);
  return { path: `articles/${slug}.json`, text: JSON.stringify({ ...JSON.parse(file.text), slug, datePublished: date }) };
};
const QUERIES = [
  'पुतिन', 'putin', 'दौरे', 'kim jong un', '"उत्तर कोरिया"', 'उपग्रह प्रक्षेपण', 'सरकार -चुनाव', 'trade OR व्यापार',
  'सरकार बैठक', 'government meeting', 'economy', '"space launch"', 'किम', 'moscow', 'रूस -चीन', 'satellite OR उपग्रह',
];
const RANGES: Array<[string | undefined, string | undefined]> = [[undefined, undefined], ['2020-01-01', undefined], [undefined, '2019-06-30'], ['2018-01-01', '2018-12-31'], ['2030-01-01', undefined]];

async function built(files: SourceFile[]) {
  const result = await buildDataSet(files, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  const store = new Map([...result.data.entries].map((e) => [e.key, JSON.parse(JSON.stringify(e.value)) as unknown]));
  return { store, pointer: result.data.pointer.value };
}
const docsOf = <T>(store: Map<string, unknown>, kind: string) => [...store].filter(([k]) => new RegExp(`^v:[^:]+:${kind}:[^:]+$`).test(k)).map(([, v]) => v as T);

type Changes = { add: TextSourceFile[]; correct: TextSourceFile[]; remove: string[] };
const slugOfPath = (path: string) => path.slice('articles/'.length, -'.json'.length);
const slugOf = (f: SourceFile) => slugOfPath(f.path);

/** A full build of the base, then each step's delta on the version before it. */
async function publish(...steps: Changes[]) {
  return publishWith({}, ...steps);
}
async function publishWith(limits: { maxSuggestCounts?: number }, ...steps: Changes[]) {
  const before = await built(base());
  let current = { store: before.store, pointer: before.pointer };
  let files: SourceFile[] = base();
  let after = before;
  const deltas = [];
  for (const [n, changes] of steps.entries()) {
    const dropped = new Set([...changes.remove, ...changes.correct.map(slugOf)]);
    files = [...files.filter((f) => !dropped.has(slugOf(f))), ...changes.add, ...changes.correct];
    after = await built(files);
    const articles = new Map(docsOf<ArticleDoc>(after.store, 'a').map((a) => [a.slug, a]));
    const pick = (fs: TextSourceFile[]) => fs.map((f) => articles.get(slugOf(f))!);
    const { store } = current;
    const version = `delta${n}`;
    const delta = await searchDelta({
      read: async (keys) => new Map(keys.flatMap((k) => (store.has(k) ? [[k, store.get(k)]] : []))),
      current: current.pointer,
      version,
      added: pick(changes.add),
      corrected: pick(changes.correct),
      removed: changes.remove,
      entities: new Map(docsOf<EntityDoc>(after.store, 'e').map((e) => [e.slug, e])),
      ...limits,
    });
    // The new version: the current keys, then what the delta writes and deletes.
    const next = new Map([...store].map(([k, v]) => [k.replace(`v:${current.pointer.version}:`, `v:${version}:`), v]));
    for (const { key, value } of delta.put) next.set(key, JSON.parse(JSON.stringify(value)));
    for (const key of delta.delete) next.delete(key);
    current = { store: next, pointer: { ...after.pointer, version, search: delta.search } };
    deltas.push(delta);
  }
  // The reference: a full build of the same articles with the base's mean field lengths.
  const articles = new Map(docsOf<ArticleDoc>(after.store, 'a').map((a) => [a.slug, a]));
  const avg = (before.store.get(`v:${before.pointer.version}:s:m`) as SearchMeta).avg;
  const newestFirst = [...articles.values()].sort((a, b) => compareInList({ order: 'desc' }, cursorKeyOf(a), cursorKeyOf(b)));
  const index = buildSearchIndex(newestFirst, articles, docsOf<EntityDoc>(after.store, 'e'), { avg });
  const full = { ...after.pointer, search: index.pointer };
  return {
    deltas,
    after,
    current,
    incremental: inMemorySearch([...current.store].map(([key, value]) => ({ key, value })), current.pointer),
    full: inMemorySearch(searchEntries('full', index), full),
  };
}

const answers = (search: ReturnType<typeof inMemorySearch>, q: string, from?: string, to?: string) =>
  JSON.stringify(search.ranked(q, from, to).map((r) => [r.slug, r.score]));

describe('incremental search publish', () => {
  it('answers every query as a full build does, after adding, correcting and removing articles', async () => {
    const run = await publish({
      add: [article(1, 'added-hindi', '2030-01-02'), article(2, 'added-two', '2030-01-02'), article(3, 'added-three', '2030-01-05')],
      correct: [article(4, 'generated-000010', '2015-06-01')].map((f) => ({ ...f, text: JSON.stringify({ ...JSON.parse(f.text), datePublished: JSON.parse(generateArticle(10).text).datePublished }) })),
      remove: ['generated-000020'],
    });
    let compared = 0;
    for (const q of QUERIES) {
      for (const [from, to] of RANGES) {
        expect(answers(run.incremental, q, from, to), `${q} ${from}..${to}`).toBe(answers(run.full, q, from, to));
        compared += run.full.ranked(q, from, to).length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(run.full.search('पुतिन')).toContain('added-hindi');
    expect(run.full.search('putin')).not.toContain('generated-000020');
    // Keys written follow the changed articles' terms: a shard each at most, plus a few tables.
    const [delta] = run.deltas;
    expect(delta!.put.filter((e) => e.key.includes(':s:p:')).every((e) => /:s:p:\d+:1$/.test(e.key))).toBe(true);
    expect(delta!.delete).toEqual([expect.stringMatching(/^v:delta0:s:a:\d+$/)]);
  }, 60_000);

  it('finds an article appended with an older date in its day', async () => {
    const run = await publish({ add: [article(5, 'late-story', '2016-03-04')], correct: [], remove: [] });
    for (const q of QUERIES) {
      for (const [from, to] of [...RANGES, ['2016-03-04', '2016-03-04']] as Array<[string | undefined, string | undefined]>) {
        const got = run.incremental.ranked(q, from, to);
        const want = run.full.ranked(q, from, to);
        // Same matches and scores; among equal scores the late story ranks as the newest.
        expect(got.map((r) => `${r.slug} ${r.score}`).sort(), `${q} ${from}..${to}`).toEqual(want.map((r) => `${r.slug} ${r.score}`).sort());
        expect(got.map((r) => r.score)).toEqual(want.map((r) => r.score));
      }
    }
    expect(run.incremental.ranked('पुतिन OR putin', '2016-03-04', '2016-03-04').map((r) => r.slug)).toContain('late-story');
  }, 60_000);

  it('goes on over several publishes, correcting and removing articles of earlier segments', async () => {
    const first = article(6, 'first-story', '2030-02-01');
    const fixed = { ...article(8, 'first-story', '2030-02-01') };
    const run = await publish(
      { add: [first, article(7, 'second-story', '2030-02-02')], correct: [], remove: [] },
      { add: [article(9, 'third-story', '2030-02-03')], correct: [fixed], remove: ['second-story'] },
      { add: [], correct: [article(10, 'generated-000030', JSON.parse(generateArticle(30).text).datePublished)], remove: ['generated-000031'] },
    );
    // One segment per publish. The second (2 documents) absorbs the first (2), whose removed and
    // corrected articles' postings it drops: 2 live documents. The third (1 document) absorbs none.
    expect(run.deltas.map((d) => d.search.tail!.map(([part, , docs]) => [part, docs]))).toEqual([[[1, 2]], [[2, 2]], [[2, 2], [3, 1]]]);
    expect(run.deltas.at(-1)!.search.moved).toBe(4);
    for (const q of QUERIES) for (const [from, to] of RANGES) expect(answers(run.incremental, q, from, to), q).toBe(answers(run.full, q, from, to));
    expect(run.full.search('पुतिन OR putin OR सरकार OR government')).toContain('third-story');
  }, 120_000);

  it('merges one-article segments like a binary counter, each publish writing a few keys, and stays exact', async () => {
    const steps: Changes[] = Array.from({ length: 6 }, (_, n) => ({ add: [article(20 + n, `story-${n}`, `2030-03-0${n + 1}`)], correct: [], remove: [] }));
    steps.push({ add: [], correct: [], remove: ['story-2'] });
    steps[3]!.correct = [article(40, 'story-1', '2030-03-02')];
    steps[4]!.remove = ['story-0', 'generated-000040'];
    const run = await publishWith({ maxSuggestCounts: 10 }, ...steps);
    expect(run.deltas.map((d) => d.search.tail!.map(([, , docs]) => docs))).toEqual([[1], [2], [2, 1], [4], [4, 1], [4, 2], [4, 2]]);
    // A withdrawal alone writes no segment: the moved table masks the article's postings.
    expect(run.deltas[6]!.put.filter((e) => e.key.includes(':s:p:'))).toEqual([]);
    for (const delta of run.deltas.slice(0, 6)) {
      const [part, shards] = delta.search.tail!.at(-1)!;
      const segment = delta.put.filter((e) => e.key.includes(':s:p:'));
      // Only the new segment's shards, never one key per base shard a term falls in.
      expect(segment.every((e) => e.key.endsWith(`:${part}`))).toBe(true);
      expect(segment.length).toBeLessThanOrEqual(shards);
      // Besides it: the article by number, a slug bucket, the day runs, maybe the moved table, and
      // the count table (s:gc) unless this publish folded it into the type-ahead buckets (s:g).
      const rest = delta.put.length - segment.length;
      if (delta.search.counts) expect([rest, delta.put.filter((e) => e.key.includes(':s:g:')).length]).toEqual([expect.toSatisfy((n: number) => n <= 6), 0]);
    }
    // The absorbed segments' keys are dropped, so the store holds exactly the live parts.
    expect(run.deltas[3]!.delete.filter((k) => k.includes(':s:p:')).length).toBeGreaterThan(0);
    for (const q of QUERIES) for (const [from, to] of RANGES) expect(answers(run.incremental, q, from, to), q).toBe(answers(run.full, q, from, to));
    expect(run.incremental.search('पुतिन OR putin')).toContain('story-5');
    // Type-ahead: the count table over the buckets equals a full build's buckets; past 3 entries it was folded into them.
    expect(run.deltas.some((d) => d.search.counts === 0 && d.put.some((e) => e.key.includes(':s:g:')))).toBe(true);
    const table = new Map((run.current.store.get(`v:${run.current.pointer.version}:s:gc`) as SuggestCounts | undefined) ?? []);
    const full = [...run.after.store].filter(([k]) => k.includes(':s:g:'));
    expect(full.length).toBeGreaterThan(10);
    for (const [key, bucket] of full) {
      const mine = run.current.store.get(key.replace(`v:${run.after.pointer.version}:`, `v:${run.current.pointer.version}:`)) as SuggestBucket;
      expect(withCounts(mine, run.current.pointer.search!.counts ? [...table] : []), key).toEqual(bucket);
    }
  }, 120_000);
});
