import type { MovedDocs } from './index-format';

/**
 * One term's posting list over every part of the index that holds it (keys.ts: the base,
 * then the tail parts publishes wrote), as the ranking reads it: gap-encoded, in document
 * order, each live document once. A document whose postings moved to another part (a
 * corrected article is indexed again in the open part) or were removed counts only in the
 * part `moved` names, so the list, its length (the term's document frequency, idf's df) and
 * its impacts are exactly those a full build of the same articles writes.
 *
 * A list read from one part with nothing moved is returned as it is (no copy).
 */
export function mergeParts(parts: Array<{ part: number; list: ArrayLike<number> }>, moved: ReadonlyMap<number, number>): ArrayLike<number> {
  if (parts.length === 1 && moved.size === 0) return parts[0]!.list;
  const docs: number[] = [];
  const impacts: number[] = [];
  for (const { part, list } of parts) {
    let doc = 0;
    for (let i = 0; i + 1 < list.length; i += 2) {
      doc += list[i]!;
      const live = moved.get(doc);
      if (live !== undefined && live !== part) continue;
      docs.push(doc);
      impacts.push(list[i + 1]!);
    }
  }
  const order = docs.map((_, i) => i);
  // Parts are each in order; a corrected article keeps its number, so later parts interleave.
  if (docs.some((d, i) => i > 0 && d < docs[i - 1]!)) order.sort((a, b) => docs[a]! - docs[b]!);
  const out = new Int32Array(2 * docs.length);
  let last = 0;
  order.forEach((i, k) => {
    out[2 * k] = docs[i]! - last;
    out[2 * k + 1] = impacts[i]!;
    last = docs[i]!;
  });
  return out;
}

/** The moved-documents table as a map, doc -> live part (-1: removed). */
export const movedMap = (moved: MovedDocs | null | undefined): Map<number, number> => new Map(moved ?? []);
