import type { EntityRef } from './documents';

/**
 * The KV key layout. Every data key lives under its data version, so a new data set is
 * written beside the old one and readers move to it when the one pointer key changes.
 *
 *   current                        -> VersionPointer (written last)
 *   history                        -> the complete versions kept in KV (tools/publish/publish.ts)
 *   v:<ver>:a:<slug>               -> ArticleDoc
 *   v:<ver>:e:<slug>               -> EntityDoc (slugs are unique across entity kinds)
 *   v:<ver>:h:<list>               -> ListHead (constant-size)
 *   v:<ver>:l:<list>:<leaf>        -> ListChunk: one leaf of the list, under a stable leaf id
 *   v:<ver>:x:<list>               -> ListIndex: a long list's leaves (src/model/list-layout.ts)
 *   v:<ver>:r:<slug>               -> ArticleCard[]: the article's related stories, best first
 *   v:<ver>:u:<url>                -> ArticleDoc: the article at <url>, its canonical URL or a known
 *                                     alternate in normal form (src/model/article-url.ts); a copy, so a
 *                                     link opens its page in the round trips of a slug
 *   v:<ver>:m                      -> NodeManifestHead: how many shards the node manifest has (publish only)
 *   v:<ver>:m:<shard>              -> NodeManifest: each node's content hash, by shard (src/model/node-manifest.ts)
 *   v:<ver>:k:<kind>               -> TopicListing: every section (kind `sections`) or the most used
 *                                     subjects (`subjects`) with their names and article counts
 *   v:<ver>:q:<name>               -> CuratedDoc: the lists of data/curated/<name>.json (src/model/curated.ts)
 *   v:<ver>:w:<author>             -> AuthorRecord: an author by slug (src/model/author-record.ts)
 *   v:<ver>:g                      -> GenerationManifest: the keys a delta version wrote (publish only)
 *   v:<ver>:g:1                    -> LevelOne: the index a fold wrote, read beside the pointer (src/model/level-one.ts)
 *
 * Outside every version, so that dropping old versions keeps them (src/model/sync-log.ts):
 *
 *   sync:n:<ver>                   -> SyncSeq: the version's place in the sync log
 *   sync:b:<level>:<start>         -> SyncBlock: the changes of publishes <start> .. <start> + 2^<level> - 1
 *   sync:m:<level>:<start>         -> ListMove[]: the same block's list moves, apart (read only when an app names lists)
 *
 * A delta version (src/model/generations.ts) writes only the keys that changed under its own
 * prefix; a reader asks for `v:<current>:<logical>` and the store resolves it to the newest
 * generation of the pointer's chain holding it. The manifest and generation
 * manifest belong to their version alone and are never resolved through a chain.
 *
 * KV keys are at most 512 bytes; slugs are at most 120 ASCII characters (docs/data-format.md).
 */

export const POINTER_KEY = 'current';
export const HISTORY_KEY = 'history';

/**
 * Items per list leaf as a full build cuts them; incremental publishes let a leaf grow to twice
 * this before it splits (src/model/list-layout.ts).
 */
export const LIST_CHUNK_SIZE = 100;

export const articleKey = (version: string, slug: string): string => `v:${version}:a:${slug}`;
export const entityKey = (version: string, slug: string): string => `v:${version}:e:${slug}`;
export const listHeadKey = (version: string, list: string): string => `v:${version}:h:${list}`;
export const nodeManifestKey = (version: string): string => `v:${version}:m`;
export const nodeManifestShardKey = (version: string, shard: number): string => `v:${version}:m:${shard}`;
export const generationKey = (version: string): string => `v:${version}:g`;
/** The level-1 index a fold wrote (src/model/level-one.ts). */
export const levelOneKey = (version: string): string => `v:${version}:g:1`;
export const syncSeqKey = (version: string): string => `sync:n:${version}`;
export const syncBlockKey = (level: number, start: number): string => `sync:b:${level}:${start}`;
export const syncMovesKey = (level: number, start: number): string => `sync:m:${level}:${start}`;
export const articleUrlKey = (version: string, url: string): string => `v:${version}:u:${url}`;
export const topicListingKey = (version: string, kind: 'sections' | 'subjects'): string => `v:${version}:k:${kind}`;
export const curatedKey = (version: string, name: string): string => `v:${version}:q:${name}`;
export const authorRecordKey = (version: string, slug: string): string => `v:${version}:w:${slug}`;
export const relatedKey = (version: string, slug: string): string => `v:${version}:r:${slug}`;
/** Related stories kept per article (tools/compile/related.ts); `Article.related(first)` takes at most this. */
export const RELATED_MAX = 10;
export const listChunkKey = (version: string, list: string, leaf: number): string =>
  `v:${version}:l:${list}:${leaf}`;
export const listIndexKey = (version: string, list: string): string => `v:${version}:x:${list}`;

/** The prefix of every key of one version: what a clean-up deletes. */
export const versionPrefix = (version: string): string => `v:${version}:`;

/**
 * List names. Articles are kept newest first (and once more by last change), events by start date, people by name.
 * A list about one entity is named after the entity's type and slug, so a filter that names
 * a slug of the wrong kind finds an empty list.
 */
export const lists = {
  articles: 'articles',
  /** Every article by its last change, newest first (src/model/sort-key.ts modifiedKey). */
  articlesByModified: 'articles@modified',
  articlesInLanguage: (language: string) => `articles@lang:${language}`,
  articlesAbout: (entity: EntityRef) => `articles@${entity.type}:${entity.slug}`,
  /** By a handle of src/model/topic-keys.ts: a section, a subject, an author. */
  articlesInSection: (key: string) => `articles@section:${key}`,
  articlesOnSubject: (key: string) => `articles@subject:${key}`,
  articlesBy: (key: string) => `articles@author:${key}`,
  events: 'events',
  eventsWith: (entity: EntityRef) => `events@${entity.type}:${entity.slug}`,
  people: 'people',
} as const;

/**
 * Search (src/search/, built by tools/compile/search-index.ts), under the same version:
 *
 *   v:<ver>:s:p:<shard>            -> PostingShard: base postings of the terms whose hash falls here
 *   v:<ver>:s:p:<shard>:<part>     -> PostingShard: postings a later publish added (tail part 1, 2, ...;
 *                                     each part its own shard count: src/search/search-parts.ts)
 *   v:<ver>:s:a:<doc>              -> ArticleDoc by document number: a page's articles in one read
 *   v:<ver>:s:x                    -> MovedDocs: documents whose live postings moved (or were removed)
 *   v:<ver>:s:t                    -> SearchDates: runs of document numbers by publication day
 *   v:<ver>:s:i:<bucket>           -> Record<slug, doc>: document numbers (read by publishing only)
 *   v:<ver>:s:m                    -> SearchMeta: what an incremental publish needs to go on
 *   v:<ver>:s:g:<bucket>           -> SuggestBucket: entity name words starting with <bucket>
 *   v:<ver>:s:gc                   -> SuggestCounts: article counts publishes changed since the buckets were written
 *
 * The layout (SearchPointer: shard count, base documents, tail parts) is fixed by a full
 * build and carried in the pointer every request reads first, so a reader computes every key
 * of a term without reading anything more, and an incremental publish keeps every key where
 * it was. About SEARCH_ARTICLES_PER_SHARD articles' postings share a shard. Empty shards are
 * not written.
 */
export const SEARCH_ARTICLES_PER_SHARD = 2;
export const SEARCH_MAX_SHARDS = 32768;
export function searchShardCount(articleCount: number): number {
  return powerOfTwoShards(articleCount, SEARCH_ARTICLES_PER_SHARD, SEARCH_MAX_SHARDS);
}
/**
 * The fewest shards, a power of two (a hash's low bits pick one), that hold `items` at most
 * `perShard` each, capped at `max`: the search shards here, the node manifest's (node-manifest.ts).
 */
export function powerOfTwoShards(items: number, perShard: number, max: number): number {
  let shards = 1;
  while (shards * perShard < items && shards < max) shards *= 2;
  return shards;
}
/** Documents per slug-number bucket (`s:i`), at the full build. */
export const SEARCH_SLUGS_PER_BUCKET = 100;
/** Part 0 is the base (the full build's postings); later parts hold what publishes added. */
export const searchShardKey = (version: string, shard: number, part = 0): string =>
  part === 0 ? `v:${version}:s:p:${shard}` : `v:${version}:s:p:${shard}:${part}`;
export const searchArticleKey = (version: string, doc: number): string => `v:${version}:s:a:${doc}`;
export const searchMovedKey = (version: string): string => `v:${version}:s:x`;
export const searchDatesKey = (version: string): string => `v:${version}:s:t`;
export const searchSlugsKey = (version: string, bucket: number): string => `v:${version}:s:i:${bucket}`;
export const searchMetaKey = (version: string): string => `v:${version}:s:m`;
export const suggestKey = (version: string, bucket: string): string => `v:${version}:s:g:${bucket}`;
export const suggestCountsKey = (version: string): string => `v:${version}:s:gc`;

/** What a key of a version holds, in words a client may read: messages name this, never the key. */
const KINDS: Array<[prefix: string, kind: string]> = [
  ['a:', 'article'], ['e:', 'entity'], ['w:', 'author'], ['h:', 'list'], ['l:', 'list'], ['x:', 'list'], ['u:', 'link'],
  ['k:', 'topic listing'], ['r:', 'related stories'], ['c:', 'change'], ['m', 'node index'], ['g', 'generation index'], ['s:', 'search index'],
];
export const documentKind = (logical: string): string => KINDS.find(([prefix]) => logical.startsWith(prefix))?.[1] ?? 'stored';
