import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import unbzip2Stream from 'unbzip2-stream';
import type { Item } from 'wikibase-sdk';

/**
 * The entities of a Wikidata JSON dump as Wikidata publishes it
 * (https://www.wikidata.org/wiki/Wikidata:Database_download#JSON_dumps_(recommended)): a JSON
 * array written one entity per line ("[", then `{...},` lines, then "]"), plain, gzip or bzip2
 * (by the file's extension), or on standard input ("-", plain). Read line by line: memory
 * holds one line, whatever the dump's size. Lines before `from` (a resumed run) are skipped
 * without being parsed.
 */

export type DumpLine = { line: number; item: Item } | { line: number; error: string };

function open(source: string): Readable {
  if (source === '-') return process.stdin;
  const file = createReadStream(source);
  if (source.endsWith('.gz')) return file.pipe(createGunzip());
  if (source.endsWith('.bz2')) return file.pipe(unbzip2Stream());
  return file;
}

export async function* dumpItems(source: string, from = 0): AsyncGenerator<DumpLine> {
  const input = open(source);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of lines) {
      line += 1;
      if (line <= from) continue;
      const text = raw.trim().replace(/,$/, '');
      if (text === '' || text === '[' || text === ']') continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        yield { line, error: `is not valid JSON (${(error as Error).message})` };
        continue;
      }
      const item = json as Item;
      if (item && typeof item === 'object' && (item.type as string) === 'property') continue; // properties (P31...) are not KB entities
      if (!item || typeof item !== 'object' || item.type !== 'item' || !/^Q\d+$/.test(String(item.id))) {
        yield { line, error: 'is not a Wikidata item (needs "type": "item" and an id such as Q42)' };
        continue;
      }
      yield { line, item };
    }
  } finally {
    lines.close();
    if (input !== process.stdin) input.destroy();
  }
}
