import type { Item } from 'wikibase-sdk';

/**
 * Which items of a dump to import: only instances of the given P31 classes, only items with a
 * sitelink to one of the given wikis (enwiki, hiwiki: what has an encyclopedia article is what
 * news names), only the listed ids. Each filter left empty lets everything through; an item
 * must pass all that are set.
 */
export interface DumpFilter {
  classes?: Set<string>;
  sitelinks?: Set<string>;
  ids?: Set<string>;
}

export function passes(item: Item, filter: DumpFilter): boolean {
  if (filter.ids && !filter.ids.has(item.id)) return false;
  if (filter.sitelinks && !Object.keys(item.sitelinks ?? {}).some((site) => filter.sitelinks!.has(site))) return false;
  if (filter.classes) {
    // Older entity JSON gives only "numeric-id" (5 for Q5).
    const p31 = (item.claims?.P31 ?? []).map((c) => {
      const value = 'datavalue' in c.mainsnak ? (c.mainsnak.datavalue?.value as { id?: string; 'numeric-id'?: number } | undefined) : undefined;
      return value?.id ?? (value?.['numeric-id'] !== undefined ? `Q${value['numeric-id']}` : undefined);
    });
    if (!p31.some((q) => q && filter.classes!.has(q))) return false;
  }
  return true;
}
