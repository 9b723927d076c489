import type { PostingList } from '../../src/search/index-format';
import { BITMAP, GAPS } from '../../src/search/packed-list';

/**
 * The stored form of a full build's posting list: lists of PACK_MIN_POSTINGS postings or more
 * are packed (src/search/packed-list.ts: a bitmap or varint gaps, then an impact byte each,
 * base64), shorter ones stay JSON arrays, readable and no longer than packed. Both builders
 * (search-index.ts, search-spill.ts) call this, so their shards stay byte-identical.
 * Publishing's tail parts (search-delta.ts) keep arrays: they hold at most a part's postings.
 */
export const PACK_MIN_POSTINGS = 32;

const varintLength = (n: number): number => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);

function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

export function storedList(list: PostingList): PostingList | string {
  const postings = list.length / 2;
  if (postings < PACK_MIN_POSTINGS) return list;
  let gapBytes = 0;
  let last = 0;
  for (let k = 0; k < postings; k++) {
    const gap = list[2 * k]!;
    const impact = list[2 * k + 1]!;
    // Only what the packed form holds: ascending documents, impacts of one byte.
    if (!Number.isInteger(gap) || gap < (k > 0 ? 1 : 0) || !Number.isInteger(impact) || impact < 0 || impact > 255) return list;
    if (k > 0) gapBytes += varintLength(gap);
    last += gap;
  }
  const first = list[0]!;
  const bitmapBytes = ((last - first) >> 3) + 1;
  const out: number[] = [bitmapBytes < gapBytes ? BITMAP : GAPS];
  pushVarint(out, first);
  if (out[0] === GAPS) for (let k = 1; k < postings; k++) pushVarint(out, list[2 * k]!);
  else {
    const bitmap = new Uint8Array(bitmapBytes);
    let doc = 0;
    for (let k = 0; k < postings; k++) {
      doc += list[2 * k]!;
      bitmap[(doc - first) >> 3]! |= 1 << ((doc - first) & 7);
    }
    for (const byte of bitmap) out.push(byte);
  }
  for (let k = 0; k < postings; k++) out.push(list[2 * k + 1]!);
  return `${postings}:${Buffer.from(out).toString('base64')}`;
}
