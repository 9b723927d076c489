import { readFileSync } from 'node:fs';
import type { Item } from 'wikibase-sdk';
import { KbUpsert } from './kb-upsert';
import type { ImportType } from './wikidata-entity';

/**
 * `npm run kb:import -- <files>`: Wikidata items into data/entities/. A file holds one item, a
 * Special:EntityData / wbgetentities answer ({"entities": {...}}), or a dump (an array of items).
 * An item already in the KB (same Wikidata id) is updated in place, keeping its slug and any
 * curated description; a new one is appended. Every changed file is checked against the data
 * format before anything is written: a run either writes valid files or nothing.
 */


export function itemsOf(json: unknown, file: string): Item[] {
  const all = Array.isArray(json) ? json : json && typeof json === 'object' && 'entities' in json ? Object.values((json as { entities: object }).entities) : [json];
  return all.filter((x, i): x is Item => {
    const ok = !!x && typeof x === 'object' && (x as Item).type === 'item' && /^Q\d+$/.test(String((x as Item).id));
    if (!ok) throw new Error(`${file}: entry ${i} is not a Wikidata item (needs "type": "item" and an id such as Q42)`);
    return ok;
  });
}

export interface ImportResult {
  added: string[];
  updated: string[];
  notes: string[];
  errors: string[];
}

export function importWikidata(dataDir: string, files: string[], options: { languages: string[]; type?: ImportType; today: string; dryRun?: boolean }): ImportResult {
  const result: ImportResult = { added: [], updated: [], notes: [], errors: [] };
  const kb = new KbUpsert(dataDir);
  const items: Array<{ file: string; item: Item }> = [];
  for (const file of files) {
    try {
      items.push(...itemsOf(JSON.parse(readFileSync(file, 'utf8')), file).map((item) => ({ file, item })));
    } catch (error) {
      result.errors.push(error instanceof SyntaxError ? `${file}: is not valid JSON (${error.message})` : (error as Error).message);
    }
  }
  for (const { file, item } of items) {
    const r = kb.upsert(item, options, result.notes);
    if (r.error) result.errors.push(`${file}: ${r.error}`);
    if (r.added) result.added.push(r.added);
    if (r.updated) result.updated.push(r.updated);
  }
  result.errors.push(...kb.check());
  if (result.errors.length === 0 && !options.dryRun) kb.write();
  return result;
}
