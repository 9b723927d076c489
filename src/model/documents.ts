/**
 * The documents the build step writes to KV and the worker reads back.
 * They are the data files after validation, with every cross-reference resolved and the
 * derived data (mentions, word counts, relation lists) computed once, at build time.
 */

import type { EntityLinks, EntityType } from './entity-kinds';
import type { DatePrecision, EventStatus, PlaceKind } from './schema-enums.gen';

export type { EntityType, NodeType } from './entity-kinds';

/** A text in one language; `language` is a BCP 47 tag. */
export interface LocalizedText {
  language: string;
  value: string;
}

/** A typed pointer to an entity, for relations whose target kind varies. */
export interface EntityRef {
  type: EntityType;
  slug: string;
}

/** What every entity has. Slugs are unique across all entity kinds. */
interface EntityBase {
  slug: string;
  defaultLanguage: string;
  names: LocalizedText[];
  aliases: LocalizedText[];
  descriptions: LocalizedText[];
  wikidataId?: string;
}

export interface PersonDoc extends EntityBase {
  type: 'Person';
  birthDate?: string;
}

export interface EventDoc extends EntityBase {
  type: 'Event';
  startDate: string;
  endDate?: string;
  datePrecision: DatePrecision;
  status: EventStatus;
  /** Slug of a Place. */
  location?: string;
  participants: EntityRef[];
}

export interface PlaceDoc extends EntityBase {
  type: 'Place';
  kind: PlaceKind;
  /** Slug of the Place (a country) it lies in. */
  country?: string;
  latitude?: number;
  longitude?: number;
}

export interface OrganizationDoc extends EntityBase {
  type: 'Organization';
  country?: string;
}

export type EntityDoc = PersonDoc | EventDoc | PlaceDoc | OrganizationDoc;

/**
 * Everything about an article except its body: small enough to embed in list pages, so a
 * page of articles with their people costs no read per article.
 */
export interface ArticleCard extends LinkedSlugs {
  type: 'Article';
  slug: string;
  headline: string;
  language: string;
  dateline?: string;
  datelinePlace?: string;
  /** YYYY-MM-DD: what lists sort and date ranges compare (the source's local date). */
  datePublished: string;
  /** RFC 3339 date-time with the source's offset, when the source gave a time. */
  datePublishedTime?: string;
  /** A date or an RFC 3339 date-time, as precise as the source gave it. */
  dateModified?: string;
  datePublishedPrecision: DatePrecision;
  datePublishedInferred: boolean;
  dateNote?: string;
  source?: string;
  /** Canonical URL on the publisher's site. */
  url?: string;
  byline?: string;
  summary?: string;
  section?: string;
  version?: number;
  wordCount: number;
}

/** Entity slugs by kind (people, events, places, organizations), in order of first mention (then curated order). */
type LinkedSlugs = Record<EntityLinks, string[]>;

/** A mention as stored: paragraph index, UTF-16 start and end, entity slug. */
export type MentionTuple = [paragraph: number, start: number, end: number, entity: string];

export interface ImageFileDoc {
  url: string;
  width?: number;
  height?: number;
  contentType?: string;
}

export interface ImageDoc extends ImageFileDoc {
  caption?: string;
  credit?: string;
  renditions: Array<ImageFileDoc & { name?: string }>;
}

/** An IPTC Media Topic (code + name), another scheme's code, or a free tag (name only). */
export interface SubjectDoc {
  name: string;
  code?: string;
  uri?: string;
}

export interface AuthorDoc {
  name: string;
  url?: string;
  /** Slug of the Person this author is, where known. */
  person?: string;
}

export type SourceFormat = 'NINJS' | 'JSON_LD' | 'HTML' | 'RSS' | 'ATOM';

/** Where an ingested story came from. */
export interface OriginDoc {
  format: SourceFormat;
  formatVersion?: string;
  uri?: string;
  url?: string;
}

export interface TranslationDoc {
  language: string;
  slug?: string;
  url?: string;
}

/** The whole article: the card, its body, and what only its own page shows. */
export interface ArticleDoc extends ArticleCard {
  paragraphs: string[];
  mentions: MentionTuple[];
  authors: AuthorDoc[];
  images: ImageDoc[];
  subjects: SubjectDoc[];
  copyright?: string;
  origin?: OriginDoc;
  translations: TranslationDoc[];
}

/** Any document a list page can hold: article cards, or whole entity documents. */
export type ListItem = ArticleCard | EntityDoc;

/**
 * One leaf of an ordered list (all articles newest first, a person's events by date, ...),
 * stored under a stable leaf id (src/model/list-layout.ts). It carries no list-wide figure, so
 * an insertion rewrites only the leaf it lands in.
 */
export interface ListChunk<T extends ListItem = ListItem> {
  items: T[];
}

/** One leaf as the list index names it: id, item count, and its first item's sort key and slug. */
export type LeafEntry = [id: number, count: number, firstKey: string, firstSlug: string];

/**
 * The head of a list, constant-size at any list length: its size, order, and where the first
 * page lies (leaf 0, which always holds the first LIST_CHUNK_SIZE items). The leaves themselves
 * are listed inline when the list is short (at most INLINE_LEAVES of them), and otherwise in
 * the list's index key, read only by requests that need it (cursors past the first leaf,
 * date ranges, filters).
 */
export interface ListHead {
  total: number;
  /** The leaves in list order, when the list is short; absent when they are in the index key. */
  leaves?: LeafEntry[];
  /** 'desc' when the list runs from the largest key down (articles: newest first). */
  order: 'asc' | 'desc';
  /** 'en' when keys are names compared by English collation, not by code point. */
  collation?: 'en';
}

/** A long list's leaves in list order (v:<ver>:x:<list>). */
export interface ListIndex {
  leaves: LeafEntry[];
}

/** The value of the pointer key: which data version readers see. */
export interface VersionPointer {
  version: string;
  builtAt: string;
  articleCount: number;
  entityCount: number;
  /**
   * Delta versions only (src/model/generations.ts, docs/publishing.md): the base version the
   * chain ends at, and the delta generations newest first, this version's own first.
   */
  base?: string;
  chain?: Generation[];
  /** The search index's layout; absent before it had one (derived from articleCount then). */
  search?: SearchPointer;
}

/** A delta generation: its version and the membership hashes of the logical keys it wrote. */
export interface Generation {
  version: string;
  /** Base64 of the sorted little-endian 32-bit hashes (generations.ts keyHash) of its keys. */
  keys: string;
}

/** Where a search's keys are (keys.ts), in the pointer: fixed by a full build, grown by publishes. */
export interface SearchPointer {
  /** Posting shards (a power of two), fixed by the full build. */
  shards: number;
  /** Documents of the base part (numbers [0, base)). */
  base: number;
  /** Tail parts written by publishes since: without `tail`, parts 1..parts; with it, the highest part number given out. */
  parts: number;
  /**
   * The live tail parts (delta segments, src/search/search-parts.ts), oldest first:
   * [part, its own shard count, documents in it]. Absent: parts 1..parts, sharded as the base.
   */
  tail?: Array<[part: number, shards: number, docs: number]>;
  /** Entries of the type-ahead count table (s:gc) laid over the suggest buckets; 0 or absent: not read. */
  counts?: number;
  /** Document numbers given out: the next appended article is `docs`. */
  docs: number;
  /** Entries of the moved-documents table (s:x); 0: not read. */
  moved: number;
}

