import { DenseList, popcount } from './dense-list';

/**
 * mergeParts (merge-parts.ts) for a term whose base list is a bitmap: the same list (each live
 * document once, with the impact of the part where it is live), kept as a bitmap. The base's
 * bits are copied and edited where publishes changed them (a document moved out of the base or
 * removed, one live in a later part), and its impacts are copied in runs between those edits,
 * so the work is a copy of the bitmap and the impacts plus a step per edit, not a step per
 * posting. tests/node/search/dense-merge.test.ts compares it with mergeParts.
 */
export function mergeDense(
  base: DenseList,
  others: Array<{ part: number; list: ArrayLike<number> }>,
  moved: ReadonlyMap<number, number>,
  documents: number,
): DenseList {
  const words = Math.max(1, (documents + 31) >> 5);
  const baseWords = base.words(words);
  const bits = baseWords.slice();
  // Every document whose base bit changes or whose impact comes from a later part.
  const added = new Map<number, number>();
  const edits = new Set<number>();
  for (const [doc, part] of moved) {
    if (part === 0 || doc >= 32 * bits.length) continue;
    edits.add(doc);
    bits[doc >> 5]! &= ~(1 << (doc & 31));
  }
  for (const { part, list } of others) {
    let doc = 0;
    for (let i = 0; i + 1 < list.length; i += 2) {
      doc += list[i]!;
      const live = moved.get(doc);
      if ((live !== undefined && live !== part) || doc >= 32 * bits.length) continue;
      added.set(doc, list[i + 1]!);
      edits.add(doc);
      bits[doc >> 5]! |= 1 << (doc & 31);
    }
  }
  // Base postings before document d: counts per word, then the bits below d in its word.
  const prefix = new Int32Array(baseWords.length + 1);
  for (let i = 0; i < baseWords.length; i++) prefix[i + 1] = prefix[i]! + popcount(baseWords[i]!);
  const baseRank = (d: number) => prefix[d >> 5]! + ((d & 31) === 0 ? 0 : popcount(baseWords[d >> 5]! & (0xffffffff >>> (32 - (d & 31)))));
  let total = 0;
  for (let i = 0; i < bits.length; i++) total += popcount(bits[i]!);
  const impacts = new Uint8Array(total);
  const from = base.impacts;
  let out = 0;
  let rank = 0;
  for (const doc of [...edits].sort((x, y) => x - y)) {
    const upTo = baseRank(doc);
    impacts.set(from.subarray(rank, upTo), out);
    out += upTo - rank;
    rank = upTo;
    if ((baseWords[doc >> 5]! >>> (doc & 31)) & 1) rank++;
    const impact = added.get(doc);
    if (impact !== undefined) impacts[out++] = impact;
  }
  impacts.set(from.subarray(rank), out);
  return DenseList.fromBits(bits, impacts);
}
