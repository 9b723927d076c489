
import type { SearchPointer, VersionPointer } from '../model/documents';
import { searchShardCount } from '../model/keys';

export type { SearchPointer };

/**
 * The stored search index, shared by the build step (which writes it) and the worker (which
 * reads it). Documents are numbered oldest first (the `articles` list read backwards), and a
 * publish appends its new articles after the last number, so numbers never move: a higher
 * number is a newer article (ties in score fall to it), and a date range is a few runs of
 * numbers.
 *
 * A posting list is one flat array [gap, impact, gap, impact, ...]: document numbers as gaps
 * from the previous one (small numbers, short JSON), and the term's BM25F impact in that
 * document times IMPACT_SCALE, rounded (0 for filter terms, which only select).
 */
export type PostingList = number[];

/**
 * term -> postings, for every term whose hash falls in the shard: a JSON array, or a full
 * build's long list packed into a string (packed-list.ts).
 */
export type PostingShard = Record<string, PostingList | string>;

/**
 * Runs of document numbers by publication day, in number order: [date YYYY-MM-DD, first
 * document of the run]; a run ends where the next begins (the last at SearchPointer.docs).
 * A full build writes one run a day, oldest first; an appended article dated before the last
 * run starts a run of its own (date-range.ts).
 */
export type SearchDates = Array<[string, number]>;

/** [doc, part]: the one part where the document's postings are live; -1: removed. */
export type MovedDocs = Array<[number, number]>;

/** What an incremental publish needs and no reader does (tools/delta/search-delta.ts). */
export interface SearchMeta {
  /** BM25 mean field lengths (headline, body, entity names), fixed by the full build. */
  avg: number[];
  /** Buckets of the slug -> document table (s:i), fixed by the full build. */
  slugBuckets: number;
}

/**
 * [folded word, entity slug, entity type, article count, every word and key of the entity's
 * names joined by spaces (absent in buckets built before it)], sorted by word.
 */
export type SuggestEntry = [word: string, slug: string, type: string, articles: number, words?: string];
export type SuggestBucket = SuggestEntry[];
/** [entity slug, article count]: counts publishes changed since the buckets were written, by slug. */
export type SuggestCounts = Array<[slug: string, articles: number]>;

export const IMPACT_SCALE = 100;

/** Prefixes that keep term spaces apart: cross-script keys, filters, word pairs. */
export const keyTerm = (key: string): string => `~${key}`;
export const filterTerm = (kind: string, value: string): string => `@${kind}:${value}`;
export const pairTerm = (a: string, b: string): string => `${a} ${b}`;

/** FNV-1a, 32 bits, over UTF-16 code units: cheap, stable, and the same in Node and workerd. */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The shard of a term among `shards` (a power of two: keys.ts searchShardCount). */
export const shardOf = (term: string, shards: number): number => termHash(term) % shards;

/** The layout of a pointer written before the layout was stored: one part, all documents. */
export function searchLayout(p: VersionPointer): SearchPointer {
  return p.search ?? { shards: searchShardCount(p.articleCount), base: p.articleCount, parts: 0, docs: p.articleCount, moved: 0 };
}
