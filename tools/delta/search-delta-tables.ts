import type { EntityDoc } from '../../src/model/documents';
import { linkedSlugs, type EntityLinks } from '../../src/model/entity-kinds';
import { entityKey, searchDatesKey, suggestCountsKey, suggestKey } from '../../src/model/keys';
import type { SearchDates, SuggestBucket, SuggestCounts } from '../../src/search/index-format';
import { deepestBucket, pathBuckets } from '../../src/search/suggest-buckets';
import { MAX_SUGGEST_COUNTS, withCounts } from '../../src/search/suggest-counts';
import type { KvEntry } from '../compile/kv-entry';
import { entityWords } from '../compile/suggest-index';

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
 * Type-ahead entries carry each entity's article count (suggest-index.ts). A publish writes the
 * counts that changed to the count table (`s:gc`, src/search/suggest-counts.ts) instead of
 * rewriting the buckets of every name word of every entity its articles link to (about 60 keys
 * an article); past `max` entries the table is folded into the buckets it overrides and starts
 * empty again. `linked`: articles counted in (+1) or out (-1: removed, or a corrected
 * article's previous links). `layout`: the current table's size (the pointer's `counts`) and
 * the bucket trie's depth (its `suggest`).
 */
export async function suggestCounts(
  read: Read,
  old: string,
  version: string,
  linked: Array<{ links: Record<EntityLinks, readonly string[]>; sign: number }>,
  entities: Map<string, EntityDoc>,
  layout: { entries: number; depth: number | undefined },
  max = MAX_SUGGEST_COUNTS,
): Promise<{ put: KvEntry[]; entries: number }> {
  const tableEntries = layout.entries;
  const change = new Map<string, number>();
  for (const { links, sign } of linked) for (const slug of new Set(linkedSlugs(links))) change.set(slug, (change.get(slug) ?? 0) + sign);
  for (const [slug, n] of change) if (n === 0 || !entities.has(slug)) change.delete(slug);
  if (change.size === 0) return { put: [], entries: tableEntries };
  const table = new Map(tableEntries > 0 ? (((await read([suggestCountsKey(old)])).get(suggestCountsKey(old)) as SuggestCounts | undefined) ?? []) : []);
  // An entity's count before this publish: the table's, else that of the deepest bucket on its first word's path (which holds the word).
  const fresh = [...change.keys()].filter((slug) => !table.has(slug));
  const firstWords = new Map(fresh.flatMap((slug) => entityWords(entities.get(slug)!).slice(0, 1).map((w) => [slug, w] as const)));
  const keyOf = (bucket: string) => suggestKey(old, bucket);
  const paths = [...new Set([...firstWords.values()].flatMap((w) => pathBuckets(w, layout.depth)))];
  const values = await read(paths.map(keyOf));
  const got = new Map(paths.map((b) => [b, values.get(keyOf(b)) as SuggestBucket | undefined]));
  for (const [slug, word] of firstWords) {
    const entry = deepestBucket(word, layout.depth, got).find((e) => e[1] === slug && e[0] === word);
    if (entry) table.set(slug, entry[3]);
  }
  for (const [slug, n] of change) if (table.has(slug)) table.set(slug, table.get(slug)! + n);
  if (table.size <= max) return { put: [{ key: suggestCountsKey(version), value: [...table].sort((a, b) => (a[0] < b[0] ? -1 : 1)) }], entries: table.size };
  return { put: await foldCounts(read, old, version, table, layout.depth), entries: 0 };
}

/** The buckets holding the table's entities (every bucket on their words' paths), with its counts written in (the table is then empty). */
async function foldCounts(read: Read, old: string, version: string, table: Map<string, number>, depth: number | undefined): Promise<KvEntry[]> {
  const docs = await read([...table.keys()].map((slug) => entityKey(old, slug)));
  const buckets = new Set([...docs.values()].flatMap((e) => entityWords(e as EntityDoc).flatMap((w) => pathBuckets(w, depth))));
  const values = await read([...buckets].sort().map((b) => suggestKey(old, b)));
  return [...values].filter(([, entries]) => entries != null).map(([key, entries]) => ({
    key: key.replace(`v:${old}:`, `v:${version}:`),
    value: withCounts(entries as SuggestBucket, [...table]),
  }));
}
