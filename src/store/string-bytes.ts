/**
 * What a string costs on the V8 heap, the unit every isolate cache is budgeted in: a header
 * (map, hash, length: 12 bytes with pointer compression, rounded up here to 16) and one byte a
 * character when every character is Latin-1 (V8 keeps such a string "one-byte"), two bytes a
 * character otherwise (a single Devanagari letter makes the whole string "two-byte"). See V8's
 * objects/string.h, SeqOneByteString and SeqTwoByteString.
 */
const STRING_HEADER_BYTES = 16;
const NOT_LATIN1 = /[\u0100-\uffff]/;

export function stringBytes(text: string): number {
  return STRING_HEADER_BYTES + text.length * (NOT_LATIN1.test(text) ? 2 : 1);
}
