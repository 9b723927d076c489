
/**
 * The stored search index, shared by the build step (which writes it) and the worker (which
 * reads it). Documents are numbered newest first (the order of the `articles` list), so a
 * lower number is a newer article: ties in score fall to the newer one, and a date range is a
 * range of numbers.
 *
 * A posting list is one flat array [gap, impact, gap, impact, ...]: document numbers as gaps
 * from the previous one (small numbers, short JSON), and the term's BM25F impact in that
 * document times IMPACT_SCALE, rounded (0 for filter terms, which only select).
 */
export type PostingList = number[];

/** term -> postings, for every term whose hash falls in the shard. */
export type PostingShard = Record<string, PostingList>;

/** [date YYYY-MM-DD, first document number published that day], newest day first. */
export type SearchDates = Array<[string, number]>;

/** [folded word, entity slug, entity type, article count], sorted by word. */
export type SuggestEntry = [word: string, slug: string, type: string, articles: number];
export type SuggestBucket = SuggestEntry[];

export const IMPACT_SCALE = 100;

/** Prefixes that keep term spaces apart: cross-script keys, filters, word pairs. */
export const keyTerm = (key: string): string => `~${key}`;
export const filterTerm = (kind: string, value: string): string => `@${kind}:${value}`;
export const pairTerm = (a: string, b: string): string => `${a} ${b}`;

/** The suggest bucket of a folded word or key: its first character (`~` and a letter for keys). */
export const bucketOf = (word: string): string => (word.startsWith('~') ? word.slice(0, 2) : word.slice(0, 1));

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
