import type { EntityDoc } from '../../src/model/documents';
import { linkedSlugs, type EntityLinks } from '../../src/model/entity-kinds';
import { searchDatesKey, suggestKey } from '../../src/model/keys';
import { bucketOf, type SearchDates, type SuggestBucket } from '../../src/search/index-format';
import type { KvEntry } from './kv-entry';
import { entityWords } from './suggest-index';

/**
 * The small tables an incremental publish updates beside the postings (search-delta.ts):
 * the day runs and the type-ahead counts. Each reads the current value and writes the new one
 * only when it changed.
 */
type Read = (keys: string[]) => Promise<Map<string, unknown>>;

/**
 * The day runs with appended documents `first`, `first + 1`, ... published on `dates` (in
 * number order). A date equal to the last run's extends it; any other starts a run, so an
 * article appended with an older date is found by a date filter (date-range.ts) without
 * renumbering anything. Null when nothing changes.
 */
export async function appendDates(read: Read, old: string, version: string, dates: string[], first: number): Promise<KvEntry | null> {
  if (dates.length === 0) return null;
  const runs = [...(((await read([searchDatesKey(old)])).get(searchDatesKey(old)) as SearchDates | undefined) ?? [])];
  const before = runs.length;
  dates.forEach((date, i) => {
    if (runs.at(-1)?.[0] !== date) runs.push([date, first + i]);
  });
  return runs.length === before ? null : { key: searchDatesKey(version), value: runs };
}

/**
 * Type-ahead entries carry each entity's article count (suggest-index.ts): the buckets of the
 * entities whose count changed, with the new counts. `linked`: articles counted in (+1) or out
 * (-1: removed, or a corrected article's previous links).
 */
export async function suggestCounts(
  read: Read,
  old: string,
  version: string,
  linked: Array<{ links: Record<EntityLinks, readonly string[]>; sign: number }>,
  entities: Map<string, EntityDoc>,
): Promise<KvEntry[]> {
  const change = new Map<string, number>();
  for (const { links, sign } of linked) for (const slug of new Set(linkedSlugs(links))) change.set(slug, (change.get(slug) ?? 0) + sign);
  const words = new Map<string, Set<string>>();
  for (const [slug, n] of change) {
    const entity = entities.get(slug);
    if (n === 0 || !entity) continue;
    for (const word of entityWords(entity)) words.set(bucketOf(word), (words.get(bucketOf(word)) ?? new Set()).add(slug));
  }
  const buckets = [...words.keys()].sort();
  const values = await read(buckets.map((b) => suggestKey(old, b)));
  return buckets.flatMap((bucket) => {
    const entries = values.get(suggestKey(old, bucket)) as SuggestBucket | undefined;
    if (!entries) return [];
    const slugs = words.get(bucket)!;
    const value = entries.map((e): typeof e => (slugs.has(e[1]) ? [e[0], e[1], e[2], e[3] + change.get(e[1])!] : e));
    return [{ key: suggestKey(version, bucket), value }];
  });
}
