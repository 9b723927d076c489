import { Tokenizer } from 'htmlparser2';
import { decodeBytes } from './decode';
import { readFeed } from './feed';
import { articleNodes, looksLikeJsonLd, storyFromJsonLd } from './json-ld';
import { checkJsonDepth } from './json-depth';
import { ninjsDialect, readNinjs } from './ninjs';
import { readPage } from './page';
import { IngestError, messageOf } from './problem';
import type { ReadItem } from './story';

/**
 * One input (a file's or a response's bytes) to the stories it holds. The format is found
 * from the content, not the name: JSON is ninjs or JSON-LD by its keys; markup is a feed when
 * its first element is <rss>, <feed> or <rdf:RDF>, else an HTML page.
 */
export interface InputBytes {
  /** The path or URL, as the report names it. */
  name: string;
  bytes: Uint8Array;
  contentType?: string;
  /** The URL it was fetched from (a page's fallback canonical URL). */
  url?: string;
}

export function readInput(input: InputBytes): Iterable<ReadItem> {
  const first = firstSignificantByte(input.bytes);
  if (first === 0x7b || first === 0x5b) return readJson(decodeBytes(input.bytes, 'json', input.contentType));
  if (first !== 0x3c) throw new IngestError('is neither JSON nor markup (XML or HTML): nothing to read');
  const head = new TextDecoder('latin1').decode(input.bytes.subarray(0, 64 * 1024));
  const root = firstElementName(head);
  if (root === 'rss' || root === 'feed' || root === 'rdf:rdf') {
    return readFeed(decodeBytes(input.bytes, 'xml', input.contentType)).items;
  }
  return [readPage(decodeBytes(input.bytes, 'html', input.contentType), input.url ?? input.name)];
}

/** The first byte that is not whitespace or a byte-order mark. */
function firstSignificantByte(b: Uint8Array): number | undefined {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i];
}

/** The name of the first element of a markup document, by htmlparser2's tokenizer in XML mode. */
function firstElementName(text: string): string | undefined {
  let name: string | undefined;
  const noop = () => {};
  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false }, {
    onopentagname(start, end) {
      name = text.slice(start, end).toLowerCase();
      tokenizer.pause();
    },
    onattribdata: noop, onattribentity: noop, onattribend: noop, onattribname: noop, oncdata: noop, onclosetag: noop,
    oncomment: noop, ondeclaration: noop, onend: noop, onopentagend: noop, onprocessinginstruction: noop,
    onselfclosingtag: noop, ontext: noop, ontextentity: noop,
  });
  tokenizer.write(text);
  return name;
}

function readJson(text: string): ReadItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new IngestError(`is not valid JSON: ${messageOf(error)}`);
  }
  checkJsonDepth(value);
  if (looksLikeJsonLd(value)) {
    const nodes = articleNodes(value);
    if (nodes.length === 0) throw new IngestError('is JSON-LD without an Article or NewsArticle node');
    return nodes.map(({ pointer, node }) => {
      try {
        return { where: pointer, story: storyFromJsonLd(node, 'JSON_LD') };
      } catch (error) {
        return { where: pointer, error: messageOf(error) };
      }
    });
  }
  // One ninjs item, an array of them, or an AP Media API response ({ data: { item } }).
  const candidates: Array<[unknown, string]> = Array.isArray(value)
    ? value.map((v, i) => [v, `/${i}`])
    : isObj(value) && isObj(value.data) && isObj(value.data.item) ? [[value.data.item, '/data/item']] : [[value, '/']];
  return candidates.map(([item, where]): ReadItem => {
    if (!isObj(item) || !ninjsDialect(item)) {
      return { where, error: 'is JSON in no format ingest reads: neither a ninjs item nor schema.org JSON-LD' };
    }
    try {
      return readNinjs(item, where);
    } catch (error) {
      return { where, error: messageOf(error) };
    }
  });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
