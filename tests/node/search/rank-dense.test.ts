import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storedList } from '../../../tools/compile/pack-postings';
import { DenseList } from '../../../src/search/dense-list';
import { keyTerm, pairTerm } from '../../../src/search/index-format';
import { parseQuery } from '../../../src/search/parse-query';
import { decodePostingShard } from '../../../src/search/posting-codec';
import { rankPage } from '../../../src/search/rank';

/**
 * Matching over bitmaps (src/search/rank-dense.ts) gives what the general path gives: the
 * same count, the same page with the same scores after any cursor, for lists stored as bitmaps
 * beside short arrays, as a full build stores them (tools/compile/pack-postings.ts).
 */
const DOCS = 1000;
const encode = (pairs: Array<[number, number]>): number[] => {
  const sorted = [...new Map(pairs)].sort((a, b) => a[0] - b[0]);
  return sorted.flatMap(([doc, impact], i) => [doc - (i ? sorted[i - 1]![0] : 0), impact]);
};
/** Dense lists (most documents) and sparse ones, impacts of one byte as stored. */
const postings = fc.oneof(
  fc.array(fc.tuple(fc.nat({ max: DOCS - 1 }), fc.integer({ min: 1, max: 220 })), { minLength: 600, maxLength: 1500 }),
  fc.array(fc.tuple(fc.nat({ max: DOCS - 1 }), fc.integer({ min: 1, max: 220 })), { maxLength: 40 }),
);
const queries = ['alpha', 'alpha beta', 'alpha OR beta', 'alpha beta gamma', 'alpha gamma', 'beta'];

describe('rankPage over bitmap lists', () => {
  it('counts and ranks as the general path does, after any cursor', () => {
    fc.assert(
      fc.property(postings, postings, postings, fc.nat({ max: 30 }), fc.integer({ min: 1, max: 25 }), fc.constantFrom(...queries), (a, b, c, at, size, q) => {
        const plain: Record<string, number[]> = { alpha: encode(a), beta: encode(b), gamma: encode(c), [keyTerm('alph')]: encode(c), [pairTerm('alpha', 'beta')]: encode(a.filter(([doc]) => doc % 3 === 0)) };
        const shard = decodePostingShard(new TextEncoder().encode(JSON.stringify(Object.fromEntries(Object.entries(plain).map(([t, l]) => [t, storedList(l)])))));
        const stored = (t: string) => (plain[t]?.length ? shard.postings(t) : undefined);
        const general = (t: string) => (plain[t]?.length ? Int32Array.from(plain[t]) : undefined);
        const query = parseQuery(q);
        const all = rankPage(query, general, DOCS, {}, (n) => ({ start: 0, end: n }));
        const cursor = all.hits[at];
        const after = cursor && { score: cursor.score, doc: cursor.doc };
        const window = (count: number, before: number) => ({ start: after ? before : 0, end: Math.min(count, (after ? before : 0) + size) });
        const page = rankPage(query, stored, DOCS, { after, limit: size }, window);
        const from = cursor ? at + 1 : 0;
        expect(page.count).toBe(all.count);
        expect(page.hits).toEqual(all.hits.slice(from, from + size));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a list stored as a bitmap as one and reads its gap form from the same bytes', () => {
    const list = encode(Array.from({ length: 900 }, (_, i): [number, number] => [i + (i >> 3), 1 + (i % 200)]));
    const shard = decodePostingShard(new TextEncoder().encode(JSON.stringify({ w: storedList(list), short: [3, 7] })));
    expect(shard.postings('w')).toBeInstanceOf(DenseList);
    expect([...shard.list('w')!]).toEqual(list);
    expect([...(shard.postings('short') as Int32Array)]).toEqual([3, 7]);
  });

  it('refuses a bitmap whose bits do not add up to its postings', () => {
    const packed = storedList(encode(Array.from({ length: 100 }, (_, i): [number, number] => [i, 5])));
    const wrong = packed.toString().replace(/^100:/, '99:');
    expect(() => decodePostingShard(new TextEncoder().encode(JSON.stringify({ w: wrong })))).toThrow(/posting shard: /);
  });
});
