import { packedHeader, PackedListError, unpackBytes } from './packed-list';

/**
 * A long posting list stored as a bitmap (packed-list.ts, BITMAP layout) kept as that bitmap:
 * one bit a document, aligned on 32-document words, and its impacts in document order. A
 * word in most articles then costs its matching and counting a word operation per 32
 * documents (population counts, Roaring's bitmap containers: Chambi, Lemire, Kaser & Godin,
 * SP&E 2016) instead of a step per posting, and scoring decodes only the windows it scores
 * (rank-dense.ts). The gap-encoded [gap, impact, ...] form every other reader takes is
 * decoded on demand, once. A list with postings in publishes' parts too is merged into one
 * (dense-merge.ts).
 */
export class DenseList {
  private gapForm?: Int32Array;
  private aligned?: Uint32Array;

  private constructor(
    readonly postings: number,
    /** The packed bytes (base64 undone), or bits already aligned with their impacts. */
    private readonly packed: Uint8Array | undefined,
    bits?: { words: Uint32Array; impacts: Uint8Array },
  ) {
    this.aligned = bits?.words;
    this.impactBytes = bits?.impacts ?? packed!.subarray(packed!.length - postings);
  }

  /** Impacts in document order. */
  private readonly impactBytes: Uint8Array;

  /**
   * A stored BITMAP list, `postings` long, its bits aligned at once: the one pass over them
   * also checks that they hold exactly `postings` documents, the last in the last byte.
   */
  static fromPacked(bytes: Uint8Array, postings: number): DenseList {
    const { first, body, impacts } = packedHeader(bytes, postings);
    const words = new Uint32Array(Math.max(0, (first + 8 * (impacts - body) + 31) >> 5));
    alignBits(bytes, first, body, impacts, words);
    let set = 0;
    for (let i = 0; i < words.length; i++) set += popcount(words[i]!);
    if (set !== postings || bytes[impacts - 1] === 0) throw new PackedListError('packed list length does not match its postings');
    return new DenseList(postings, bytes, { words, impacts: bytes.subarray(impacts) });
  }

  /** Aligned bits and their impacts, in document order. */
  static fromBits(words: Uint32Array, impacts: Uint8Array): DenseList {
    return new DenseList(impacts.length, undefined, { words, impacts });
  }

  get impacts(): Uint8Array {
    return this.impactBytes;
  }

  /** Bytes held. */
  get stored(): number {
    return (this.packed?.length ?? this.impactBytes.length) + (this.aligned?.byteLength ?? 0);
  }

  /** The gap-encoded list, decoded on first use. */
  gaps(): Int32Array {
    if (this.gapForm) return this.gapForm;
    const out = new Int32Array(2 * this.postings);
    if (this.packed) unpackBytes(this.packed, this.postings, out, 0);
    else {
      let k = 0;
      let last = 0;
      forEachBit(this.aligned!, 0, this.aligned!.length, (doc) => {
        out[2 * k] = doc - last;
        out[2 * k + 1] = this.impactBytes[k]!;
        last = doc;
        k++;
      });
    }
    return (this.gapForm = out);
  }

  /** The documents as bits (document d is bit d & 31 of word d >> 5), at least `words` words long. */
  words(words: number): Uint32Array {
    if (this.aligned!.length >= words) return this.aligned!;
    const out = new Uint32Array(words);
    out.set(this.aligned!.subarray(0, words));
    return (this.aligned = out);
  }
}

/** ORs the bitmap bytes[body, end), whose bit j is document first + j, into 32-document words. */
function alignBits(bytes: Uint8Array, first: number, body: number, end: number, out: Uint32Array): void {
  for (let b = body; b < end; b++) {
    const byte = bytes[b]!;
    if (byte === 0) continue;
    const doc = first + 8 * (b - body);
    const shift = doc & 31;
    out[doc >> 5]! |= byte << shift;
    if (shift > 24) out[(doc >> 5) + 1]! |= byte >>> (32 - shift);
  }
}

/** Calls `fn(doc)` for each set bit of words [from, to), lowest document first. */
export function forEachBit(words: Uint32Array, from: number, to: number, fn: (doc: number) => void): void {
  for (let i = from; i < to; i++) {
    let bits = words[i]!;
    while (bits !== 0) {
      const low = bits & -bits;
      fn(32 * i + 31 - Math.clz32(low));
      bits ^= low;
    }
  }
}

/** Set bits of a 32-bit word (Hacker's Delight, 5-2). */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** A posting list as ranking takes it: gap-encoded, or a bitmap kept as one. */
export type AnyList = ArrayLike<number> | DenseList;

/** The gap-encoded form of any list. */
export const gapsOf = (list: AnyList | undefined): ArrayLike<number> | undefined => (list instanceof DenseList ? list.gaps() : list);
