import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Item } from 'wikibase-sdk';
import { entityFiles } from '../build/data-format';
import { readEntityFile, writeEntityFile, type EntityRecord } from './entity-file';
import { mapWikidataItem, type ImportType } from './wikidata-entity';

/**
 * `npm run kb:import -- <files>`: Wikidata items into data/entities/. A file holds one item, a
 * Special:EntityData / wbgetentities answer ({"entities": {...}}), or a dump (an array of items).
 * An item already in the KB (same Wikidata id) is updated in place, keeping its slug and any
 * curated description; a new one is appended. Every changed file is checked against the data
 * format before anything is written: a run either writes valid files or nothing.
 */

const LINKS: Record<ImportType, keyof typeof entityFiles> = { Person: 'people', Place: 'places', Event: 'events', Organization: 'organizations' };
const FILE_OF = Object.fromEntries(Object.entries(LINKS).map(([t, links]) => [t, `${links}.json`])) as Record<ImportType, string>;

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
  const kb = Object.fromEntries(Object.keys(FILE_OF).map((t) => [t, readEntityFile(join(dataDir, 'entities', FILE_OF[t as ImportType]))])) as Record<ImportType, EntityRecord[]>;
  const all = () => Object.values(kb).flat();
  const slugOf = (q: string) => all().find((e) => e.wikidataId === q)?.slug;

  const items: Array<{ file: string; item: Item }> = [];
  for (const file of files) {
    try {
      items.push(...itemsOf(JSON.parse(readFileSync(file, 'utf8')), file).map((item) => ({ file, item })));
    } catch (error) {
      result.errors.push(error instanceof SyntaxError ? `${file}: is not valid JSON (${error.message})` : (error as Error).message);
    }
  }
  for (const { file, item } of items) {
    const mapped = mapWikidataItem(item, { ...options, slugOf });
    if (!mapped.ok) {
      result.errors.push(`${file}: ${mapped.message}`);
      continue;
    }
    const list = kb[mapped.type];
    const at = list.findIndex((e) => e.wikidataId === item.id);
    const other = all().find((e) => e.wikidataId === item.id && !list.includes(e));
    if (other) {
      result.errors.push(`${file}: ${item.id} is already "${other.slug}" in another entity file, not a ${mapped.type}`);
      continue;
    }
    for (const u of mapped.unresolved) result.notes.push(`${item.id} ${u}: not in the KB, left out (import it first to link it)`);
    if (at >= 0) {
      const old = list[at]!;
      const description = Object.keys(old.description ?? {}).length > 0 ? old.description : mapped.record.description;
      list[at] = { ...mapped.record, slug: old.slug, description };
      result.updated.push(`${old.slug} (${item.id})`);
    } else {
      const taken = new Set(all().map((e) => e.slug));
      const slug = taken.has(mapped.record.slug) ? `${mapped.record.slug}-${item.id.toLowerCase()}` : mapped.record.slug;
      list.push({ ...mapped.record, slug });
      result.added.push(`${slug} (${item.id})`);
    }
  }
  for (const type of Object.keys(FILE_OF) as ImportType[]) {
    const checked = entityFiles[LINKS[type]].safeParse(kb[type]);
    if (!checked.success) {
      for (const issue of checked.error.issues) result.errors.push(`entities/${FILE_OF[type]}: /${issue.path.join('/')}: ${issue.message}`);
    }
  }
  if (result.errors.length === 0 && !options.dryRun) {
    for (const type of Object.keys(FILE_OF) as ImportType[]) writeEntityFile(join(dataDir, 'entities', FILE_OF[type]), kb[type]);
  }
  return result;
}
