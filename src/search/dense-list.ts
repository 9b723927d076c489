import { packedHeader, unpackBytes } from './packed-list';

/**
 * A long posting list stored as a bitmap (packed-list.ts, BITMAP layout) kept as that bitmap:
 * one bit a document, aligned on 32-document words, and its impacts in document order. A
 * word in most articles then costs its matching and counting a word operation per 32
 * documents (population counts, Roaring's bitmap containers: Chambi, Lemire, Kaser & Godin,
 * SP&E 2016) instead of a step per posting, and scoring decodes only the windows it scores
 * (rank-dense.ts). The gap-encoded [gap, impact, ...] form every other reader takes is
 * decoded from the same bytes on demand, once.
 */
export class DenseList {
  private gapForm?: Int32Array;
  private aligned?: Uint32Array;

  /** `bytes`: the packed list with base64 undone, BITMAP layout, `postings` long. */
  constructor(
    private readonly bytes: Uint8Array,
    readonly postings: number,
  ) {}

  /** The gap-encoded list, decoded on first use. */
  gaps(): Int32Array {
    if (!this.gapForm) {
      this.gapForm = new Int32Array(2 * this.postings);
      unpackBytes(this.bytes, this.postings, this.gapForm, 0);
    }
    return this.gapForm;
  }

  /** Bytes held. */
  get stored(): number {
    return this.bytes.length;
  }

  /** Impacts in document order (the stored bytes, no copy). */
  get impacts(): Uint8Array {
    return this.bytes.subarray(this.bytes.length - this.postings);
  }

  /** The documents as bits (document d is bit d & 31 of word d >> 5), `words` words long. */
  words(words: number): Uint32Array {
    if (this.aligned && this.aligned.length >= words) return this.aligned;
    const { first, body, impacts } = packedHeader(this.bytes, this.postings);
    const out = new Uint32Array(words);
    const { bytes } = this;
    const limit = words * 32;
    for (let b = body; b < impacts; b++) {
      const byte = bytes[b]!;
      if (byte === 0) continue;
      const doc = first + 8 * (b - body);
      if (doc >= limit) break;
      const shift = doc & 31;
      out[doc >> 5]! |= byte << shift;
      if (shift > 24 && (doc >> 5) + 1 < words) out[(doc >> 5) + 1]! |= byte >>> (32 - shift);
    }
    return (this.aligned = out);
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
