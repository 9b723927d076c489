import type { ArticleDoc, EntityDoc, SearchPointer, VersionPointer } from '../../src/model/documents';
import { searchArticleKey, searchMetaKey, searchMovedKey, searchShardKey, searchSlugsKey } from '../../src/model/keys';
import { compareInList, cursorKeyOf } from '../../src/model/sort-key';
import { unpackList } from '../../src/search/packed-list';
import { searchLayout, shardOf, type MovedDocs, type PostingShard, type SearchMeta } from '../../src/search/index-format';
import type { KvEntry } from './kv-entry';
import { appendDates, suggestCounts } from './search-delta-tables';
import { documentPostings, documentTerms, TermDictionary } from './search-index';
import { slugBucket } from './search-tables';

/**
 * The search half of an incremental publish: the search entries a new version writes so that
 * every query answers as a full build of the same articles with the base's layout does (same
 * matches, scores and order), writing keys in proportion to the changed articles' terms.
 *
 * How (docs/search.md, "Publishing"): new articles get the next document numbers (appended,
 * oldest first as a full build numbers them); a corrected article keeps its number. Their
 * postings, with BM25F impacts over the base's mean field lengths, go into the open tail part
 * (`s:p:<shard>:<part>`): only the shards of their terms are written, each holding this
 * part's postings (a few thousand documents), never a whole list. A corrected article's
 * postings in earlier parts are masked by the moved-documents table (`s:x`: doc -> live part),
 * a removed article's by -1, so no list of a common term is rewritten. A part closes after
 * TAIL_PART_DOCS documents, or when a correction would need to replace postings already in it.
 */
export const TAIL_PART_DOCS = 4096;

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

  // A corrected article whose date changed moves in the date order: removed, then appended.
  const redated = input.corrected.filter((a) => before.get(docOf(a.slug))?.datePublished !== a.datePublished);
  const inPlace = input.corrected.filter((a) => !redated.includes(a));
  const removedDocs = [...input.removed, ...redated.map((a) => a.slug)].map(docOf);
  const appended = [...input.added, ...redated].sort((a, b) => -compareInList({ order: 'desc' }, cursorKeyOf(a), cursorKeyOf(b)));
  const livesInOpen = (d: number) => layout.parts > 0 && (moved.get(d) === layout.parts || (d >= meta.openFirst && !moved.has(d)));
  const written = appended.length + inPlace.length;
  const fresh = layout.parts === 0 || inPlace.some((a) => livesInOpen(docOf(a.slug))) || meta.openDocs + written > TAIL_PART_DOCS;
  const part = fresh ? layout.parts + 1 : layout.parts;

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

  // The changed documents' postings, by shard and term, in document order.
  const order = [...docs.keys()].sort((a, b) => a - b);
  const cards = order.map((d) => docs.get(d)!);
  const dict = new TermDictionary();
  const byShard = new Map<number, Map<string, Array<[number, number]>>>();
  let i = 0;
  for (const terms of documentTerms(cards, new Map(cards.map((c) => [c.slug, c])), [...input.entities.values()], dict)) {
    const doc = order[i]!;
    documentPostings(terms, cards[i++]!, meta.avg, dict, (id, impact) => {
      const term = dict.terms[id]!;
      const shard = shardOf(term, layout.shards);
      const terms = byShard.get(shard) ?? new Map<string, Array<[number, number]>>();
      byShard.set(shard, terms.set(term, [...(terms.get(term) ?? []), [doc, impact]]));
    });
  }
  const shards = [...byShard.keys()].sort((a, b) => a - b);
  const existing = fresh ? new Map<string, unknown>() : await read(shards.map((s) => searchShardKey(old, s, part)));
  const put: KvEntry[] = shards.map((s) => ({
    key: searchShardKey(version, s, part),
    value: appendPostings((existing.get(searchShardKey(old, s, part)) as PostingShard | undefined) ?? {}, byShard.get(s)!),
  }));

  for (const [doc, article] of docs) put.push({ key: searchArticleKey(version, doc), value: article });
  for (const [key, value] of buckets) put.push({ key: key.replace(`v:${old}:`, `v:${version}:`), value });
  const movedTable = [...moved].sort((a, b) => a[0] - b[0]);
  if (previous.length > 0) put.push({ key: searchMovedKey(version), value: movedTable });
  const openDocs = (fresh ? 0 : meta.openDocs) + written;
  put.push({ key: searchMetaKey(version), value: { ...meta, openDocs, openFirst: fresh ? layout.docs : meta.openFirst } satisfies SearchMeta });
  const dates = await appendDates(read, old, version, appended.map((a) => a.datePublished), layout.docs);
  if (dates) put.push(dates);
  const linked = [...input.added, ...input.corrected].map((a) => ({ links: a, sign: 1 }));
  for (const d of previous) linked.push({ links: before.get(d)!, sign: -1 });
  put.push(...(await suggestCounts(read, old, version, linked, input.entities)));
  return {
    put,
    delete: removedDocs.map((d) => searchArticleKey(version, d)),
    search: { shards: layout.shards, base: layout.base, parts: part, docs: next, moved: movedTable.length },
  };
}

/** A part's shard with more postings: each list stays gap-encoded in document order. */
function appendPostings(shard: PostingShard, more: Map<string, Array<[number, number]>>): PostingShard {
  const out: PostingShard = { ...shard };
  for (const [term, postings] of more) {
    const pairs: Array<[number, number]> = [];
    let doc = 0;
    const stored = out[term] ?? [];
    const list = typeof stored === 'string' ? unpackList(stored) : stored;
    for (let i = 0; i + 1 < list.length; i += 2) pairs.push([(doc += list[i]!), list[i + 1]!]);
    pairs.push(...postings);
    pairs.sort((a, b) => a[0] - b[0]);
    out[term] = pairs.flatMap(([d, impact], k) => [d - (k > 0 ? pairs[k - 1]![0] : 0), impact]);
  }
  return out;
}
