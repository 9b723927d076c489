import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPACT_SCALE } from './index-format';
import { parseQuery } from './parse-query';
import { rank, rankPage } from './rank';

/** Gap-encodes [doc, impact] pairs the way the build step stores them. */
const encode = (pairs: Array<[number, number]>): Int32Array => {
  const sorted = [...new Map(pairs)].sort((a, b) => a[0] - b[0]);
  return Int32Array.from(sorted.flatMap(([doc, impact], i) => [doc - (i ? sorted[i - 1]![0] : 0), impact * IMPACT_SCALE]));
};

describe('rankPage', () => {
  it('returns exactly the window of the full ranking, best first, with the full count', () => {
    const postings = fc.array(fc.tuple(fc.nat({ max: 199 }), fc.integer({ min: 1, max: 5 })), { maxLength: 150 });
    fc.assert(
      fc.property(postings, postings, fc.nat({ max: 60 }), fc.integer({ min: 0, max: 30 }), (a, b, start, size) => {
        const lists: Record<string, Int32Array> = { alpha: encode(a), beta: encode(b) };
        const query = parseQuery('alpha OR beta');
        const all = rank(query, (t) => lists[t], 200);
        // The full ranking is ordered: score descending, then the higher (newer) document first.
        const reference = [...all].sort((x, y) => y.score - x.score || y.doc - x.doc);
        expect(all).toEqual(reference);
        expect(new Set(all.map((r) => r.doc))).toEqual(new Set([...a, ...b].map(([doc]) => doc)));
        const page = rankPage(query, (t) => lists[t], 200, {}, (count) => ({ start: Math.min(start, count), end: Math.min(start + size, count) }));
        expect(page.count).toBe(all.length);
        expect(page.hits).toEqual(all.slice(start, start + size));
      }),
    );
  });

  it('keeps documents inside the range and in every filter list', () => {
    const lists: Record<string, Int32Array> = { w: encode([[1, 1], [2, 2], [3, 3], [4, 4]]), f: encode([[2, 0], [3, 0], [4, 0]]) };
    const page = rankPage(parseQuery('w'), (t) => lists[t], 10, { ranges: [[0, 4]], filters: [lists.f] }, (n) => ({ start: 0, end: n }));
    expect(page.hits.map((h) => h.doc)).toEqual([3, 2]);
    const split = rankPage(parseQuery('w'), (t) => lists[t], 10, { ranges: [[1, 2], [4, 5]] }, (n) => ({ start: 0, end: n }));
    expect(split.hits.map((h) => h.doc)).toEqual([4, 1]);
    const none = rankPage(parseQuery('w'), (t) => lists[t], 10, { filters: [undefined] }, (n) => ({ start: 0, end: n }));
    expect(none.count).toBe(0);
  });
});
