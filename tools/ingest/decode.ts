import { TextDecoder } from '@exodus/bytes/encoding.js';
import htmlEncodingSniffer from 'html-encoding-sniffer';
import { XMLParser } from 'fast-xml-parser';
import { IngestError } from './problem';

/**
 * Bytes to text, in the encoding the document declares, as a browser or an XML processor
 * would find it:
 * - HTML: the WHATWG encoding sniffing algorithm (BOM, then the transport's charset, then
 *   the `<meta charset>` prescan of the first 1024 bytes), by html-encoding-sniffer; UTF-8
 *   when nothing is declared (a newsroom's files and today's pages are UTF-8).
 * - XML: BOM, then the transport's charset, then the `encoding` of the XML declaration
 *   (XML 1.0 section 4.3.3), read by fast-xml-parser from the declaration alone.
 * UTF-8 is decoded strictly: an invalid byte is an error with its offset, never a silent U+FFFD.
 * The decoder is @exodus/bytes' WHATWG Encoding implementation (html-encoding-sniffer's own
 * companion): Node 20's built-in TextDecoder decodes "windows-1252" as ISO-8859-1, turning
 * ’ (0x92) into the control character U+0092.
 */
export function decodeBytes(bytes: Uint8Array, kind: 'html' | 'xml' | 'json', contentType?: string): string {
  const transport = charsetOf(contentType);
  let encoding: string;
  if (kind === 'html') {
    encoding = htmlEncodingSniffer(bytes, { transportLayerEncodingLabel: transport, defaultEncoding: 'UTF-8' });
  } else {
    encoding = htmlEncodingSniffer(bytes, { xml: true, transportLayerEncodingLabel: transport, defaultEncoding: 'UTF-8' });
    if (kind === 'xml' && encoding === 'UTF-8' && !transport && !hasBom(bytes)) encoding = xmlDeclaredEncoding(bytes) ?? encoding;
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding, { fatal: encoding.toUpperCase() === 'UTF-8' });
  } catch {
    throw new IngestError(`declares the encoding "${encoding}", which is not one this reader knows`);
  }
  if (decoder.encoding === 'utf-8') {
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) throw new IngestError(`is not valid UTF-8: byte ${bad} (0x${bytes[bad]!.toString(16).padStart(2, '0')})`);
  }
  // TextDecoder drops a byte-order mark (WHATWG Encoding, "decode"): it is no character of the text.
  return decoder.decode(bytes);
}

const hasBom = (b: Uint8Array) =>
  (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0xff && b[1] === 0xfe);

/** The `charset` parameter of a Content-Type header (RFC 9110 section 8.3). */
function charsetOf(contentType?: string): string | undefined {
  if (!contentType) return undefined;
  for (const param of contentType.split(';').slice(1)) {
    const [name, ...value] = param.split('=');
    if (name?.trim().toLowerCase() === 'charset') return value.join('=').trim().replace(/^"|"$/g, '') || undefined;
  }
  return undefined;
}

const declarationParser = new XMLParser({ ignoreAttributes: false, ignoreDeclaration: false, attributeNamePrefix: '' });

/**
 * The `encoding` of an XML declaration (`<?xml version="1.0" encoding="Shift_JIS"?>`). The
 * declaration is ASCII in every ASCII-compatible encoding, so its bytes are read as Latin-1.
 */
function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.startsWith('<?xml')) return undefined;
  const end = head.indexOf('?>');
  if (end < 0) return undefined;
  try {
    const decl = declarationParser.parse(`${head.slice(0, end + 2)}<r/>`) as { '?xml'?: { encoding?: string } };
    return decl['?xml']?.encoding;
  } catch {
    return undefined;
  }
}

/**
 * The offset of the first byte that is not well-formed UTF-8 (RFC 3629 section 4: no
 * overlongs, no surrogates, nothing above U+10FFFF), or -1.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) min = 0xa0;
      if (c === 0xed) max = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) min = 0x90;
      if (c === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? min : 0x80) || d > (k === 1 ? max : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}
