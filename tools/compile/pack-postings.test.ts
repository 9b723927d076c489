import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePostingShard } from '../../src/search/posting-codec';
import { unpackList } from '../../src/search/packed-list';
import { PACK_MIN_POSTINGS, storedList } from './pack-postings';

/** A gap-encoded list of ascending documents with one-byte impacts. */
const list = (docs: number[], impact: (k: number) => number): number[] =>
  docs.flatMap((d, k) => [d - (k > 0 ? docs[k - 1]! : 0), impact(k)]);
const decoded = (shard: Record<string, unknown>, term: string) => [...decodePostingShard(new TextEncoder().encode(JSON.stringify(shard))).list(term)!];

describe('packed posting lists', () => {
  it('decode to the very list they pack, dense (bitmap) or sparse (gaps), beside JSON lists', () => {
    const docs = fc.uniqueArray(fc.nat({ max: 300_000 }), { minLength: PACK_MIN_POSTINGS, maxLength: 400 }).map((d) => d.sort((a, b) => a - b));
    fc.assert(
      fc.property(docs, fc.array(fc.nat({ max: 255 }), { minLength: 400, maxLength: 400 }), fc.nat({ max: 5000 }), (ds, impacts, shift) => {
        const sparse = list(ds, (k) => impacts[k]!);
        const dense = list(ds.map((_, k) => shift + k + Math.floor(k / 3)), (k) => impacts[k]!);
        for (const l of [sparse, dense]) {
          const stored = storedList(l);
          expect(typeof stored).toBe('string');
          expect(unpackList(stored as string)).toEqual(l);
          expect(decoded({ a: [1, 2], 'पुतिन': stored, z: [] }, 'पुतिन')).toEqual(l);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('packs a word in most documents into about one byte a posting', () => {
    const dense = list(Array.from({ length: 89_000 }, (_, k) => Math.floor(k * 1.12)), (k) => 100 + (k % 120));
    const stored = storedList(dense) as string;
    // An impact byte and a bitmap bit a posting, as base64: (1 + 1/8) * 4/3 = 1.5 characters.
    expect(stored.length).toBeLessThan(89_000 * 1.55);
    expect(JSON.stringify(dense).length).toBeGreaterThan(3.5 * stored.length);
  });

  it('keeps short lists, and lists it cannot pack, as JSON arrays', () => {
    const short = list([3, 9], () => 7);
    expect(storedList(short)).toBe(short);
    const wide = list(Array.from({ length: PACK_MIN_POSTINGS }, (_, k) => k), () => 300);
    expect(storedList(wide)).toBe(wide);
  });

  it.each([
    ['no prefix', '"QUJD"'],
    ['not base64', '"40:@@@@"'],
    ['too short', '"40:AQAB"'],
    ['unknown layout', '"1:BwAB"'],
  ])('refuses a broken packed list (%s), saying where', (_, value) => {
    expect(() => decodePostingShard(new TextEncoder().encode(`{"t":${value}}`))).toThrow(/posting shard: .* at byte \d+/);
  });
});
