/**
 * The UTF-8 length of a string without encoding a copy of it (RFC 3629: code points below
 * U+0080 take 1 byte, below U+0800 2, other BMP code points 3, supplementary ones 4).
 * Counts the bytes KV stores and reads.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
