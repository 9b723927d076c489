import { join } from 'node:path';
import type { Item } from 'wikibase-sdk';
import { entityFiles } from '../data/data-format';
import { readEntityFile, writeEntityFile, type EntityRecord } from './entity-file';
import { mapWikidataItem, type ImportType } from './wikidata-entity';

/**
 * The KB's entity files held for an import, with indexes by Wikidata id and slug so that each
 * item is added or updated in constant time (a dump brings millions). An item already in the
 * KB (same Wikidata id) is updated in place, keeping its slug and any curated description; a
 * new one is appended. `check()` validates every file against the data format; `write()`
 * writes them (each through a temporary file renamed over the old one).
 */

const LINKS: Record<ImportType, keyof typeof entityFiles> = { Person: 'people', Place: 'places', Event: 'events', Organization: 'organizations' };
const FILE_OF = Object.fromEntries(Object.entries(LINKS).map(([t, links]) => [t, `${links}.json`])) as Record<ImportType, string>;
const TYPES = Object.keys(FILE_OF) as ImportType[];

export class KbUpsert {
  readonly kb: Record<ImportType, EntityRecord[]>;
  private readonly byId = new Map<string, { type: ImportType; at: number }>();
  private readonly slugs = new Set<string>();

  constructor(private readonly dataDir: string) {
    this.kb = Object.fromEntries(TYPES.map((t) => [t, readEntityFile(join(dataDir, 'entities', FILE_OF[t]))])) as Record<ImportType, EntityRecord[]>;
    for (const type of TYPES) {
      this.kb[type].forEach((e, at) => {
        this.slugs.add(e.slug);
        if (typeof e.wikidataId === 'string') this.byId.set(e.wikidataId, { type, at });
      });
    }
  }

  slugOf = (q: string): string | undefined => {
    const hit = this.byId.get(q);
    return hit && this.kb[hit.type][hit.at]!.slug;
  };

  /** Adds or updates one item: a line for the report, or a problem. */
  upsert(item: Item, options: { languages: string[]; type?: ImportType; today: string }, notes: string[]): { added?: string; updated?: string; error?: string } {
    const mapped = mapWikidataItem(item, { ...options, slugOf: this.slugOf });
    if (!mapped.ok) return { error: mapped.message };
    const hit = this.byId.get(item.id);
    if (hit && hit.type !== mapped.type) return { error: `${item.id} is already "${this.slugOf(item.id)}" in another entity file, not a ${mapped.type}` };
    for (const u of mapped.unresolved) notes.push(`${item.id} ${u}: not in the KB, left out (import it first to link it)`);
    const list = this.kb[mapped.type];
    if (hit) {
      const old = list[hit.at]!;
      const description = Object.keys(old.description ?? {}).length > 0 ? old.description : mapped.record.description;
      list[hit.at] = { ...mapped.record, slug: old.slug, description };
      return { updated: `${old.slug} (${item.id})` };
    }
    const slug = this.slugs.has(mapped.record.slug) ? `${mapped.record.slug}-${item.id.toLowerCase()}` : mapped.record.slug;
    list.push({ ...mapped.record, slug });
    this.slugs.add(slug);
    this.byId.set(item.id, { type: mapped.type, at: list.length - 1 });
    return { added: `${slug} (${item.id})` };
  }

  check(): string[] {
    return TYPES.flatMap((type) => {
      const checked = entityFiles[LINKS[type]].safeParse(this.kb[type]);
      return checked.success ? [] : checked.error.issues.map((issue) => `entities/${FILE_OF[type]}: /${issue.path.join('/')}: ${issue.message}`);
    });
  }

  write(): void {
    for (const type of TYPES) writeEntityFile(join(this.dataDir, 'entities', FILE_OF[type]), this.kb[type]);
  }
}
