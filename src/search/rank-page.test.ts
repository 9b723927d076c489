import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPACT_SCALE } from './index-format';
import { parseQuery, type Alternative } from './parse-query';
import { rank, rankPage } from './rank';
import { shouldMatch } from './should-match';

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

  it('matches and scores as the clause rule says, on any lists (a reference by brute force)', () => {
    const words = ['alpha', 'beta', 'gamma', 'delta'];
    const shapes = ['alpha beta', 'alpha beta gamma delta', '+alpha beta gamma', 'alpha AND beta gamma', 'alpha OR beta gamma', 'alpha beta -gamma', 'alpha'];
    const postings = fc.array(fc.tuple(fc.nat({ max: 59 }), fc.integer({ min: 1, max: 5 })), { maxLength: 30 });
    fc.assert(
      fc.property(fc.array(postings, { minLength: 4, maxLength: 4 }), fc.constantFrom(...shapes), (raw, q) => {
        const table = new Map(words.map((w, i) => [w, new Map(raw[i]!)]));
        const lists: Record<string, Int32Array> = Object.fromEntries(words.map((w, i) => [w, encode(raw[i]!)]));
        const query = parseQuery(q);
        const has = (doc: number, alt: Alternative) => table.get((alt as { term: string }).term)!.has(doc);
        const idf = (w: string) => Math.log(1 + (60 - table.get(w)!.size + 0.5) / (table.get(w)!.size + 0.5));
        const docs = Array.from({ length: 60 }, (_, doc) => doc).filter(
          (doc) => query.clauses.every((c) => !c.strict || c.alternatives.some((alt) => has(doc, alt))) && !query.excluded.some((alt) => has(doc, alt)),
        );
        const optional = query.clauses.filter((c) => !c.strict);
        const matched = (doc: number) => optional.filter((c) => c.alternatives.some((alt) => has(doc, alt))).length;
        const candidates = docs.filter((doc) => matched(doc) > 0 || optional.length < query.clauses.length);
        const best = Math.max(0, ...candidates.map(matched));
        const expected = candidates.filter((doc) => matched(doc) >= shouldMatch(optional.length, best));
        const ranked = rank(query, (t) => lists[t], 60);
        expect(new Set(ranked.map((r) => r.doc))).toEqual(new Set(expected));
        for (const r of ranked) {
          // Every alternative of every clause adds where it matches (no pairs or keys in these lists).
          const score = query.clauses.flatMap((c) => c.alternatives).reduce((sum, alt) => {
            const w = (alt as { term: string }).term;
            return sum + (table.get(w)!.has(r.doc) ? idf(w) * table.get(w)!.get(r.doc)! : 0);
          }, 0);
          expect(r.score).toBeCloseTo(score, 5);
        }
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
