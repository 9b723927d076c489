import { bytesText, INPUT_LIMITS } from './input-limits';
import type { Problem } from './problems';

/**
 * Data files are UTF-8 (RFC 8259, section 8.1: JSON exchanged between systems must be). A file
 * that is not is refused with the byte offset of its first bad sequence, never decoded with
 * U+FFFD in place of what the newsroom wrote. A byte-order mark, which Windows editors write
 * and RFC 8259 lets a parser ignore, is dropped.
 */

/** A data file as read from disk: its path relative to the data directory, and its bytes. */
export interface RawSourceFile {
  path: string;
  bytes: Uint8Array;
  /** Its size on disk, when it was too large to read (then `bytes` is empty). */
  unreadSize?: number;
}

/** A data file already held as text (generated, or read by the caller). */
export interface TextSourceFile {
  path: string;
  text: string;
}

/** A data file not read yet: its path, and how to read it (from disk, or generate it). */
export interface LazySourceFile {
  path: string;
  read: () => RawSourceFile | TextSourceFile;
}
export type AnySourceFile = RawSourceFile | TextSourceFile | LazySourceFile;

const BOM = '\uFEFF';

/**
 * The byte offset of the first byte that does not begin a well-formed UTF-8 sequence, by the
 * table of well-formed byte sequences (Unicode 15, section 3.9, Table 3-7): no overlong forms,
 * no surrogates (ED A0..BF), nothing above U+10FFFF. -1 when all of it is well formed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const at = (i: number, lo = 0x80, hi = 0xbf) => i < bytes.length && bytes[i]! >= lo && bytes[i]! <= hi;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let length = 0;
    if (b <= 0x7f) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = at(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
      length = at(i + 1, lo, hi) && at(i + 2) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      length = at(i + 1, lo, hi) && at(i + 2) && at(i + 3) ? 4 : 0;
    }
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

const hex = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');

/** The file's text without a BOM, or the problem that keeps it from being read. */
export function decodeSource(file: RawSourceFile | TextSourceFile): { text: string } | { problem: Problem } {
  if ('text' in file) return { text: file.text.startsWith(BOM) ? file.text.slice(1) : file.text };
  const size = file.unreadSize ?? file.bytes.length;
  if (size > INPUT_LIMITS.sourceFileBytes) {
    const message = `is ${bytesText(size)}; data files over ${bytesText(INPUT_LIMITS.sourceFileBytes)} are not read`;
    return { problem: { file: file.path, path: '/', message } };
  }
  try {
    // fatal: throw on malformed input rather than substitute U+FFFD (WHATWG Encoding, "decode");
    // the default ignoreBOM: false strips a leading BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(file.bytes) };
  } catch (error) {
    const offset = firstInvalidUtf8(file.bytes);
    if (offset < 0) {
      return { problem: { file: file.path, path: '/', message: `could not be read: ${(error as Error).message}` } };
    }
    const shown = [...file.bytes.subarray(offset, offset + 4)].map(hex).join(' ');
    return {
      problem: {
        file: file.path,
        path: '/',
        message: `is not valid UTF-8: byte offset ${offset} (bytes ${shown}); save the file as UTF-8`,
      },
    };
  }
}
