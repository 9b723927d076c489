import type { DenseList } from './dense-list';

/**
 * The types ranking shares between rank.ts (matching and counting) and rank-windows.ts
 * (scoring by windows), kept apart so neither imports the other.
 */
export interface Ranked {
  doc: number;
  score: number;
}

/** A gap-encoded posting list [gap, impact, ...]: stored as JSON, read as an Int32Array. */
export type Postings = ArrayLike<number>;

/** term -> its posting list (gap-encoded, or a bitmap kept as one); undefined when no document has the term. */
export type PostingLookup = (term: string) => Postings | DenseList | undefined;

/** What a ranking did, for tests and the bench: deterministic, unlike its time. */
export interface RankCounts {
  /** Postings read (every list once, to find the matches and count them exactly). */
  postings: number;
  /** Windows holding a match, and those scored: the rest could not reach the page. */
  windows: number;
  windowsScored: number;
  /** Matching documents scored. */
  scored: number;
}
