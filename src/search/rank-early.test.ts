import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPACT_SCALE, keyTerm, pairTerm } from './index-format';
import { parseQuery } from './parse-query';
import { rank, rankPage } from './rank';

/**
 * Early termination (rank-windows.ts) is exact: a page ranked with a `limit` is the same
 * slice, scores and order of the full ranking, with or without a cursor, and the counts show
 * the windows it did not score.
 */
const encode = (pairs: Array<[number, number]>): Int32Array => {
  const sorted = [...new Map(pairs)].sort((a, b) => a[0] - b[0]);
  return Int32Array.from(sorted.flatMap(([doc, impact], i) => [doc - (i ? sorted[i - 1]![0] : 0), impact]));
};
const DOCS = 1000;
const postings = fc.array(fc.tuple(fc.nat({ max: DOCS - 1 }), fc.integer({ min: 1, max: 400 })), { maxLength: 700 });

describe('rankPage with a limit', () => {
  it('returns the page of the full ranking, after any cursor in it', () => {
    fc.assert(
      fc.property(postings, postings, postings, fc.nat({ max: 40 }), fc.integer({ min: 1, max: 25 }), fc.constantFrom('alpha beta', 'alpha OR beta', 'alpha -gamma', 'alpha', 'alpha beta gamma', '+alpha beta gamma', '"alpha beta" gamma', 'alpha AND beta'), (a, b, c, at, size, q) => {
        const lists: Record<string, Int32Array> = { alpha: encode(a), beta: encode(b), gamma: encode(c), [keyTerm('alph')]: encode(c), [pairTerm('alpha', 'beta')]: encode(a.filter(([doc]) => doc % 3 === 0)) };
        const query = parseQuery(q);
        const all = rank(query, (t) => lists[t], DOCS);
        const cursor = all[at];
        const after = cursor && { score: cursor.score, doc: cursor.doc };
        const page = rankPage(query, (t) => lists[t], DOCS, { after, limit: size }, (count, before) => ({ start: after ? before : 0, end: Math.min(count, (after ? before : 0) + size) }));
        const from = cursor ? at + 1 : 0;
        expect(page.count).toBe(all.length);
        expect(page.hits).toEqual(all.slice(from, from + size));
      }),
      { numRuns: 300 },
    );
  });

  it('scores a few windows of a word in 89% of the documents, not all of them', () => {
    // Impacts vary as BM25F's do with length; the strongest documents are scattered.
    const docs = 100_000;
    const pairs: Array<[number, number]> = [];
    for (let doc = 0; doc < docs; doc++) if ((doc * 7919) % 100 < 89) pairs.push([doc, 100 + ((doc * 104729) % 997) * (IMPACT_SCALE / 10)]);
    const lists = { putin: encode(pairs) };
    const query = parseQuery('putin');
    const full = rankPage(query, (t) => lists[t as 'putin'], docs, {}, (n) => ({ start: 0, end: n }));
    const page = rankPage(query, (t) => lists[t as 'putin'], docs, { limit: 10 }, (n) => ({ start: 0, end: Math.min(n, 10) }));
    expect(page.count).toBe(pairs.length);
    expect(page.hits).toEqual(full.hits.slice(0, 10));
    expect(full.counts.scored).toBe(pairs.length);
    expect(page.counts.postings).toBe(pairs.length);
    expect(page.counts.windowsScored).toBeLessThan(page.counts.windows / 10);
    expect(page.counts.scored).toBeLessThan(pairs.length / 10);
  });
});
