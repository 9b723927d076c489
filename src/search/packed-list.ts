/**
 * A long posting list as the full build stores it: one JSON string `"<postings>:<base64>"`
 * in its shard instead of a JSON array of numbers (index-format.ts). A word in most articles
 * has a list as long as the corpus, and as JSON (`1,153,2,87,...`, about 6.5 bytes a posting)
 * reading it was most of a cold search's time (docs/search.md "Packed lists"). Packed, a
 * posting costs one impact byte plus its document: one bit in a bitmap when the list is
 * dense, a LEB128 varint gap (1 byte below 128) when it is sparse, whichever is smaller, the
 * choice of Roaring bitmaps' containers (Chambi, Lemire, Kaser & Godin, "Better bitmap
 * performance with Roaring bitmaps", SP&E 2016). The bytes are RFC 4648 base64, so the value
 * stays JSON text for every writer and reader of KV entries.
 *
 * Bytes: [layout: 0 gaps | 1 bitmap] [first document, varint] then either the postings - 1
 * gaps (varints) or a bitmap whose bit j (least significant first) is document first + j;
 * then one impact byte per posting (impacts are at most (k1 + 1) * IMPACT_SCALE = 220).
 * The `<postings>` prefix lets a reader size its arrays without decoding.
 *
 * Decoded, the list is the same gap-encoded [gap, impact, ...] as a JSON array holds, so
 * ranking, merging and scores are unchanged to the bit.
 */
export const GAPS = 0;
export const BITMAP = 1;

export class PackedListError extends Error {}

/** The postings count of a packed value's text (`text` from its first byte to its closing quote). */
export function packedCount(text: Uint8Array, start: number, end: number): { postings: number; body: number } {
  let postings = 0;
  let i = start;
  for (; i < end && text[i]! >= 48 && text[i]! <= 57; i++) postings = postings * 10 + text[i]! - 48;
  if (i === start || text[i] !== 58 || postings > 0x3fffffff) throw new PackedListError('expected "<postings>:" in a packed list');
  return { postings, body: i + 1 };
}

/**
 * TC39's Uint8Array.fromBase64 where the runtime has it (workerd does; Node 20 does not):
 * native, straight to bytes. Elsewhere the platform's `atob` (as src/model/generations.ts
 * decodes the pointer's hashes), whose binary string is copied out byte by byte.
 */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
const ascii = new TextDecoder();

/** RFC 4648 base64 (padding optional, as both decoders take it) to bytes. */
function base64Bytes(text: Uint8Array, start: number, end: number): Uint8Array {
  const encoded = ascii.decode(text.subarray(start, end));
  try {
    if (nativeFromBase64) return nativeFromBase64(encoded);
    const binary = atob(encoded);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    throw new PackedListError('not base64 in a packed list');
  }
}

/** The decoded bytes of the packed list in text[body, end) (after its `<postings>:` prefix). */
export const packedBytes = (text: Uint8Array, body: number, end: number): Uint8Array => base64Bytes(text, body, end);

/**
 * Decodes the packed list in text[body, end) (after its `<postings>:` prefix) into
 * data[at, at + 2 * postings) as [gap, impact, ...].
 */
export function unpackInto(text: Uint8Array, body: number, end: number, postings: number, data: Int32Array, at: number): void {
  unpackBytes(base64Bytes(text, body, end), postings, data, at);
}

/** Where the documents start and the impacts begin in decoded packed bytes, after the header. */
export function packedHeader(bytes: Uint8Array, postings: number): { layout: number; first: number; body: number; impacts: number } {
  let i = 1;
  let first = 0;
  for (let shift = 0; ; shift += 7) {
    if (shift >= 35 || i >= bytes.length) throw new PackedListError('bad varint in a packed list');
    const b = bytes[i++]!;
    first += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
  }
  const impacts = bytes.length - postings;
  if (postings === 0 || impacts < i) throw new PackedListError('packed list shorter than its postings');
  return { layout: bytes[0]!, first, body: i, impacts };
}

/** Decodes packed bytes (base64 already undone) into data[at, at + 2 * postings) as [gap, impact, ...]. */
export function unpackBytes(bytes: Uint8Array, postings: number, data: Int32Array, at: number): void {
  const header = packedHeader(bytes, postings);
  const { layout, first, impacts } = header;
  let i = header.body;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (i >= bytes.length) break;
      const b = bytes[i++]!;
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
    throw new PackedListError('bad varint in a packed list');
  };
  let doc = first;
  data[at] = first;
  if (layout === GAPS) {
    for (let k = 1; k < postings; k++) data[at + 2 * k] = varint();
  } else if (layout === BITMAP) {
    let k = 1;
    let last = first;
    for (let j = 1; k < postings; j++) {
      const byte = i + (j >> 3);
      if (byte >= impacts) throw new PackedListError('bitmap shorter than its postings');
      if ((bytes[byte]! >> (j & 7)) & 1) {
        doc = first + j;
        data[at + 2 * k++] = doc - last;
        last = doc;
      }
    }
    i += 1 + ((doc - first) >> 3);
  } else throw new PackedListError(`unknown packed layout ${layout}`);
  if (i !== impacts) throw new PackedListError('packed list length does not match its postings');
  for (let k = 0; k < postings; k++) data[at + 2 * k + 1] = bytes[impacts + k]!;
}

/** A packed value as a gap-encoded array (the build's in-memory search and tests). */
export function unpackList(value: string): number[] {
  const text = new TextEncoder().encode(value);
  const { postings, body } = packedCount(text, 0, text.length);
  const data = new Int32Array(2 * postings);
  unpackInto(text, body, text.length, postings, data, 0);
  return [...data];
}
