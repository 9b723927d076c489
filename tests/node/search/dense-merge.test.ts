import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storedList } from '../../../tools/compile/pack-postings';
import { DenseList } from '../../../src/search/dense-list';
import { mergeDense } from '../../../src/search/dense-merge';
import { mergeParts } from '../../../src/search/merge-parts';
import { decodePostingShard } from '../../../src/search/posting-codec';

/**
 * A base list kept as a bitmap, merged with publishes' parts (src/search/dense-merge.ts), is
 * the list mergeParts gives: the same documents, each with the impact of the part where it is
 * live, and the same length (idf's df).
 */
const BASE = 600;
const DOCS = 700;
const encode = (docs: Map<number, number>): number[] => {
  const sorted = [...docs].sort((a, b) => a[0] - b[0]);
  return sorted.flatMap(([doc, impact], i) => [doc - (i ? sorted[i - 1]![0] : 0), impact]);
};
const impactOf = fc.integer({ min: 1, max: 220 });

describe('mergeDense', () => {
  it('gives the list mergeParts gives, for any moves and removals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: BASE - 1 }), impactOf), { minLength: 400, maxLength: 900 }),
        fc.array(fc.array(fc.tuple(fc.nat({ max: DOCS - 1 }), impactOf), { maxLength: 30 }), { maxLength: 3 }),
        fc.array(fc.tuple(fc.nat({ max: DOCS - 1 }), fc.integer({ min: -1, max: 3 })), { maxLength: 20 }),
        (baseDocs, tails, moves) => {
          const base = encode(new Map(baseDocs));
          const stored = storedList(base);
          fc.pre(typeof stored === 'string');
          const dense = decodePostingShard(new TextEncoder().encode(JSON.stringify({ t: stored }))).postings('t');
          fc.pre(dense instanceof DenseList);
          const others = tails.map((t, i) => ({ part: i + 1, list: encode(new Map(t.map(([doc, impact]) => [Math.max(doc, BASE - 50 + i), impact]))) }));
          // As publishing keeps it: a document in a later part that the base or another part also holds is in `moved`.
          const moved = new Map(moves);
          const seen = new Map<number, number>();
          for (const { part, list } of others) {
            let doc = 0;
            for (let i = 0; i < list.length; i += 2) {
              doc += list[i]!;
              if (!moved.has(doc) && (doc < BASE || seen.has(doc))) moved.set(doc, part);
              seen.set(doc, part);
            }
          }
          const expected = Array.from(mergeParts([{ part: 0, list: base }, ...others], moved));
          const merged = mergeDense(dense as DenseList, others, moved, DOCS);
          expect(merged.postings).toBe(expected.length / 2);
          expect([...merged.gaps()]).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
