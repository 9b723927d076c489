import type { ArticleDoc, EntityDoc, SearchPointer, VersionPointer } from '../../src/model/documents';
import { searchArticleKey, searchMetaKey, searchMovedKey, searchSlugsKey } from '../../src/model/keys';
import { compareInList, cursorKeyOf, dateOfKey, publishedKey } from '../../src/model/sort-key';
import { searchLayout, type MovedDocs, type SearchMeta } from '../../src/search/index-format';
import type { KvEntry } from '../compile/kv-entry';
import { appendDates, suggestCounts } from './search-delta-tables';
import { documentPostings, documentTerms, TermDictionary } from '../compile/search-index';
import { partsToMerge, readSegments, segmentEntries, tailOf, type TailPart } from './search-segments';
import { slugBucket } from '../compile/search-tables';

/**
 * The search half of an incremental publish: the search entries a new version writes so that
 * every query answers as a full build of the same articles with the base's layout does (same
 * matches, scores and order), writing keys in proportion to the changed articles, not to the
 * shards their terms fall in.
 *
 * How (docs/search.md, "Publishing"): new articles get the next document numbers (appended,
 * oldest first as a full build numbers them); a corrected article keeps its number. Their
 * postings, with BM25F impacts over the base's mean field lengths, go into one new delta
 * segment (search-segments.ts: a tail part with its own few shards), which may absorb the
 * newest earlier segments by the merge policy. A corrected article's postings in earlier parts
 * are masked by the moved-documents table (`s:x`: doc -> live part), a removed article's by
 * -1, so no list of a common term is rewritten and document frequencies stay exact.
 */
export interface SearchDeltaInput {
  /** Values of the current version's keys (JSON values; missing keys left out of the map). */
  read: (keys: string[]) => Promise<Map<string, unknown>>;
  /** The current pointer: its version names the keys `read` is asked for. */
  current: VersionPointer;
  /** The new version: every key written is under it. */
  version: string;
  added: ArticleDoc[];
  /** Same slug, new content. */
  corrected: ArticleDoc[];
  removed: string[];
  /** Entities by slug: at least every one a changed article links to, now or before. */
  entities: Map<string, EntityDoc>;
  /** Entries of the type-ahead count table before it is folded into the buckets (tests lower it). */
  maxSuggestCounts?: number;
}

export interface SearchDelta {
  put: KvEntry[];
  /** Keys (under the new version) the new version no longer has. */
  delete: string[];
  /** The new pointer's `search`. */
  search: SearchPointer;
}

export class SearchDeltaError extends Error {
  constructor(message: string, readonly code: 'UNKNOWN_ARTICLE' | 'DUPLICATE_ARTICLE' | 'MISSING_INDEX') {
    super(message);
  }
}

export async function searchDelta(input: SearchDeltaInput): Promise<SearchDelta> {
  const { read, current, version } = input;
  const layout = searchLayout(current);
  const old = current.version;
  const changedSlugs = [...input.added, ...input.corrected].map((a) => a.slug).concat(input.removed);
  const head = await read([searchMetaKey(old), searchMovedKey(old)]);
  const meta = head.get(searchMetaKey(old)) as SearchMeta | undefined;
  if (!meta) throw new SearchDeltaError(`${searchMetaKey(old)} is missing: publish a full build first.`, 'MISSING_INDEX');
  const moved = new Map((head.get(searchMovedKey(old)) as MovedDocs | undefined) ?? []);
  const bucketKeys = [...new Set(changedSlugs.map((s) => searchSlugsKey(old, slugBucket(s, meta.slugBuckets))))];
  const buckets = new Map([...(await read(bucketKeys))].map(([k, v]) => [k, { ...(v as Record<string, number>) }]));
  const bucketOf = (slug: string) => {
    const key = searchSlugsKey(old, slugBucket(slug, meta.slugBuckets));
    if (!buckets.has(key)) buckets.set(key, {});
    return buckets.get(key)!;
  };
  const docOf = (slug: string): number => {
    const doc = bucketOf(slug)[slug];
    if (doc === undefined || moved.get(doc) === -1) throw new SearchDeltaError(`No indexed article ${slug} to correct or remove.`, 'UNKNOWN_ARTICLE');
    return doc;
  };
  for (const a of input.added) {
    const doc = bucketOf(a.slug)[a.slug];
    if (doc !== undefined && moved.get(doc) !== -1) throw new SearchDeltaError(`Article ${a.slug} is already indexed: correct it.`, 'DUPLICATE_ARTICLE');
  }
  const before = new Map<number, ArticleDoc>();
  const previous = [...input.corrected.map((a) => a.slug), ...input.removed].map(docOf);
  const stored = await read(previous.map((d) => searchArticleKey(old, d)));
  previous.forEach((d) => before.set(d, stored.get(searchArticleKey(old, d)) as ArticleDoc));

  // A corrected article whose publication date or time changed moves in the order: removed, then appended.
  const redated = input.corrected.filter((a) => {
    const was = before.get(docOf(a.slug));
    return was === undefined || publishedKey(was) !== publishedKey(a);
  });
  const inPlace = input.corrected.filter((a) => !redated.includes(a));
  const removedDocs = [...input.removed, ...redated.map((a) => a.slug)].map(docOf);
  const appended = [...input.added, ...redated].sort((a, b) => -compareInList({ order: 'desc' }, cursorKeyOf(a), cursorKeyOf(b)));
  // One new segment per publish (search-segments.ts), absorbing the newest ones the merge policy picks.
  // A publish that only withdraws writes no segment: the moved table masks the postings.
  const written = appended.length + inPlace.length;
  const part = written > 0 ? layout.parts + 1 : layout.parts;
  const tail = tailOf(layout);
  const merging = written > 0 ? tail.slice(tail.length - partsToMerge(tail, written)) : [];
  const docs = new Map<number, ArticleDoc>();
  for (const a of inPlace) docs.set(docOf(a.slug), a);
  let next = layout.docs;
  for (const a of appended) {
    bucketOf(a.slug)[a.slug] = next;
    docs.set(next++, a);
  }
  for (const d of removedDocs) moved.set(d, -1);
  for (const a of inPlace) moved.set(docOf(a.slug), part);
  for (const slug of input.removed) delete bucketOf(slug)[slug];

  // The segment: the merged segments' live postings (merge-parts.ts's rule, with this publish's
  // removals and corrections applied), then the changed documents'.
  const { postings, keys: mergedKeys } = await readSegments(read, old, merging, (d, p) => (moved.get(d) ?? p) === p);
  const absorbed = new Set(merging.map(([p]) => p));
  for (const [d, p] of moved) if (absorbed.has(p)) moved.set(d, part);
  const order = [...docs.keys()].sort((a, b) => a - b);
  const cards = order.map((d) => docs.get(d)!);
  const dict = new TermDictionary();
  let i = 0;
  for (const terms of documentTerms(cards, new Map(cards.map((c) => [c.slug, c])), [...input.entities.values()], dict)) {
    const doc = order[i]!;
    documentPostings(terms, cards[i++]!, meta.avg, dict, (id, impact) => {
      const term = dict.terms[id]!;
      (postings.get(term) ?? postings.set(term, []).get(term)!).push([doc, impact]);
    });
  }
  const segment = written > 0 ? segmentEntries(version, part, postings, layout.shards) : { entries: [], shards: 0, docs: 0 };
  const put: KvEntry[] = [...segment.entries];

  for (const [doc, article] of docs) put.push({ key: searchArticleKey(version, doc), value: article });
  for (const [key, value] of buckets) put.push({ key: key.replace(`v:${old}:`, `v:${version}:`), value });
  const movedTable = [...moved].sort((a, b) => a[0] - b[0]);
  if (previous.length > 0) put.push({ key: searchMovedKey(version), value: movedTable });
  const dates = await appendDates(read, old, version, appended.map((a) => dateOfKey(publishedKey(a))), layout.docs);
  if (dates) put.push(dates);
  const linked = [...input.added, ...input.corrected].map((a) => ({ links: a, sign: 1 }));
  for (const d of previous) linked.push({ links: before.get(d)!, sign: -1 });
  const counts = await suggestCounts(read, old, version, linked, input.entities, { entries: layout.counts ?? 0, depth: layout.suggest }, input.maxSuggestCounts);
  put.push(...counts.put);
  // The absorbed segments' keys are dropped (tombstones), so no later compaction copies them.
  const tailAfter = [...tail.slice(0, tail.length - merging.length), ...(written > 0 ? [[part, segment.shards, segment.docs] as TailPart] : [])];
  return {
    put,
    delete: [...removedDocs.map((d) => searchArticleKey(version, d)), ...mergedKeys.map((k) => k.replace(`v:${old}:`, `v:${version}:`))],
    search: { shards: layout.shards, base: layout.base, parts: part, tail: tailAfter, counts: counts.entries, docs: next, moved: movedTable.length, suggest: layout.suggest },
  };
}
