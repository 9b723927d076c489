import { DenseList, type AnyList } from './dense-list';
import { BITMAP, packedBytes, packedCount, PackedListError, unpackBytes } from './packed-list';

/**
 * A posting shard as the worker keeps it: every posting list of the shard in one Int32Array
 * and a term -> ordinal map, decoded straight from the stored JSON's UTF-8 bytes
 * (index-format.ts: `{"term":[gap,impact,...],...}`) without a JS string of the whole shard
 * or a JS array per list. A common word's shard is 580 KB of JSON: as a string (two bytes a
 * character once a Devanagari term is in it) it is 1.2 MB of the V8 heap's large-object
 * space, garbage as soon as it is parsed, and JSON.parse then builds arrays of tagged numbers
 * through several growth copies. Here the bytes stay outside the JS heap and the lists are
 * 4 bytes a number, counted exactly; a query reads them in place.
 *
 * Two passes over the bytes: the first counts terms and numbers, the second fills arrays of
 * exactly that size. UTF-8 never encodes a non-ASCII character with a byte below 0x80, so
 * quotes, brackets and digits are found byte by byte. A list stored packed (a JSON string,
 * packed-list.ts) is decoded from the same bytes. Anything but the stored format throws.
 */
export class DecodedShard {
  constructor(
    private readonly ordinals: Map<string, number>,
    /** Start of term i's list in `data`; entry i + 1 is its end. */
    private readonly offsets: Uint32Array,
    private readonly data: Int32Array,
    /** Heap and buffer bytes this shard retains (docs/memory.md). */
    readonly bytes: number,
    /** Lists stored as bitmaps, kept as bitmaps (dense-list.ts); their `data` range is empty. */
    private readonly dense: ReadonlyArray<DenseList | undefined> = [],
  ) {}

  /** The gap-encoded list of a term (a view into the shard, no copy, but for a bitmap's), or undefined. */
  list(term: string): Int32Array | undefined {
    const i = this.ordinals.get(term);
    if (i === undefined) return undefined;
    return this.dense[i]?.gaps() ?? this.data.subarray(this.offsets[i]!, this.offsets[i + 1]!);
  }

  /** The list of a term as ranking takes it: a bitmap list as it is, others gap-encoded. */
  postings(term: string): AnyList | undefined {
    const i = this.ordinals.get(term);
    return i === undefined ? undefined : (this.dense[i] ?? this.list(term));
  }
}

/** A Map entry, a typed array's object pair (JSArrayBuffer + JSTypedArray), the shard object. */
const MAP_ENTRY_BYTES = 16;
const TYPED_ARRAY_BYTES = 128;
const SHARD_BYTES = 64;
const STRING_HEADER_BYTES = 16;

/** A packed list after the first pass: a bitmap kept as it is, or bytes the second pass unpacks. */
type Packed = DenseList | { bytes: Uint8Array; postings: number };

export function decodePostingShard(utf8: Uint8Array): DecodedShard {
  const packedLists: Packed[] = [];
  const counted = scan(utf8, null, packedLists);
  const offsets = new Uint32Array(counted.terms.length + 1);
  const data = new Int32Array(counted.numbers);
  scan(utf8, { offsets, data }, packedLists);
  const dense = packedLists.map((p) => (p instanceof DenseList ? p : undefined));
  const ordinals = new Map<string, number>();
  let bytes = SHARD_BYTES + 2 * TYPED_ARRAY_BYTES + offsets.byteLength + data.byteLength;
  counted.terms.forEach((term, i) => {
    ordinals.set(term, i);
    bytes += MAP_ENTRY_BYTES + STRING_HEADER_BYTES + 2 * term.length;
    // A bitmap list's bytes, and its gap form should a reader ask for it.
    const d = dense[i];
    if (d) bytes += d.stored + 8 * d.postings + 2 * TYPED_ARRAY_BYTES;
  });
  return new DecodedShard(ordinals, offsets, data, bytes, dense);
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

const utf8Decoder = new TextDecoder();

function scan(text: Uint8Array, into: { offsets: Uint32Array; data: Int32Array } | null, packedLists: Packed[]): { terms: string[]; numbers: number } {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`posting shard: ${what} at byte ${i}`);
  };
  const space = () => {
    for (let c = text[i]; c === 32 || c === 9 || c === 10 || c === 13; c = text[++i]);
  };
  const expect = (code: number) => {
    space();
    if (text[i] !== code) fail(`expected "${String.fromCharCode(code)}"`);
    i += 1;
  };
  /**
   * A packed list (packed-list.ts): the first pass decodes it (a bitmap is kept as one and takes
   * no room in `data`), the second unpacks the others into `data`.
   */
  const packed = (data: Int32Array | undefined, at: number, ordinal: number): number => {
    const start = i + 1;
    // Base64 holds no quote: the native search finds the end of a long list at once.
    const end = text.indexOf(QUOTE, start);
    if (end < 0) fail('unterminated packed list');
    try {
      let list = packedLists[ordinal];
      if (!list) {
        const { postings, body } = packedCount(text, start, end);
        const bytes = packedBytes(text, body, end);
        list = packedLists[ordinal] = bytes[0] === BITMAP ? DenseList.fromPacked(bytes, postings) : { bytes, postings };
      }
      i = end + 1;
      if (list instanceof DenseList) return 0;
      if (data) unpackBytes(list.bytes, list.postings, data, at);
      return 2 * list.postings;
    } catch (error) {
      if (error instanceof PackedListError) return fail(error.message);
      throw error;
    }
  };
  const terms: string[] = [];
  let count = 0;
  let numbers = 0;
  expect(OPEN_BRACE);
  space();
  if (text[i] === CLOSE_BRACE) i += 1;
  else {
    for (;;) {
      space();
      const start = i;
      expect(QUOTE);
      while (i < text.length && text[i] !== QUOTE) i += text[i] === BACKSLASH ? 2 : 1;
      if (i >= text.length) fail('unterminated term');
      i += 1;
      // Only the first pass needs the term itself; JSON.parse handles its escapes.
      if (into) into.offsets[count] = numbers;
      else terms.push(JSON.parse(utf8Decoder.decode(text.subarray(start, i))) as string);
      count += 1;
      expect(COLON);
      space();
      const isPacked = text[i] === QUOTE;
      if (!isPacked) {
        expect(OPEN_BRACKET);
        space();
      }
      if (isPacked) numbers += packed(into?.data, numbers, count - 1);
      else if (text[i] === CLOSE_BRACKET) i += 1;
      else {
        // The hot loop: the build writes no whitespace, so it is skipped only when present.
        const data = into?.data;
        const n = text.length;
        for (;;) {
          let c = text[i]!;
          if (c <= 32) {
            space();
            c = text[i]!;
          }
          const negative = c === MINUS;
          if (negative) c = text[++i]!;
          let value = 0;
          const first = i;
          while (c >= ZERO && c <= NINE && i < n) {
            value = value * 10 + (c - ZERO);
            c = text[++i]!;
          }
          if (i === first || value > 0x7fffffff) fail('expected an integer');
          if (data) data[numbers] = negative ? -value : value;
          numbers += 1;
          if (c <= 32) {
            space();
            c = text[i]!;
          }
          i += 1;
          if (c === COMMA) continue;
          if (c === CLOSE_BRACKET) break;
          i -= 1;
          fail('expected "," or "]"');
        }
      }
      space();
      const c = text[i++];
      if (c === CLOSE_BRACE) break;
      if (c !== COMMA) fail('expected "," or "}"');
    }
  }
  space();
  if (i !== text.length) fail('trailing text');
  if (into) into.offsets[count] = numbers;
  return { terms, numbers };
}
