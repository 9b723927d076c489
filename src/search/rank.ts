import { IMPACT_SCALE, keyTerm, pairTerm } from './index-format';
import type { ParsedQuery } from './parse-query';
import { RankBuffers } from './rank-buffers';
import { WINDOW_DOCS } from './posting-windows';
import { markMatches, planQuery, scoreWindows } from './rank-windows';
import { selectBest } from './select-best';

/**
 * Scores documents for a parsed query from their stored BM25F impacts:
 *   word     idf(term) * impact + CROSS_SCRIPT_WEIGHT * idf(~key) * impact(~key)
 *   phrase   every pair must be present; sum of its words' scores + PAIR_BOOST * pairs' scores
 *   OR group the best of its alternatives; a document must match every group
 *   bonus    PAIR_BOOST * pair score for plain query words that stand side by side in the text
 * Then exclusions and filters remove documents, and ties fall to the higher document number,
 * which is the newer article (index-format.ts).
 *
 * Matches are found and counted in dense arrays indexed by document number: one pass over
 * each posting list, no per-document objects. Scores are then computed window by window
 * (rank-windows.ts), best bound first, and only until no other window can reach the page.
 * The arrays are the isolate's, reused by every query (rank-buffers.ts).
 */

export interface Ranked {
  doc: number;
  score: number;
}

/** A gap-encoded posting list [gap, impact, ...]: stored as JSON, read as an Int32Array. */
export type Postings = ArrayLike<number>;

/** term -> its posting list; undefined when no document has the term. */
export type PostingLookup = (term: string) => Postings | undefined;

/** Calls `fn(doc, impact)` for each posting of a gap-encoded list. */
export function forEachPosting(list: Postings | undefined, fn: (doc: number, impact: number) => void): void {
  if (!list) return;
  let doc = 0;
  for (let i = 0; i + 1 < list.length; i += 2) {
    doc += list[i]!;
    fn(doc, list[i + 1]! / IMPACT_SCALE);
  }
}

/** Every term whose postings the query reads. */
export function queryTerms(query: ParsedQuery): string[] {
  const terms = new Set<string>(query.pairs);
  for (const alt of [...query.required.flat(), ...query.excluded]) {
    if (alt.kind === 'word') {
      terms.add(alt.term);
      if (alt.key) terms.add(keyTerm(alt.key));
    } else {
      alt.terms.forEach((t, i) => {
        terms.add(t);
        if (i > 0) terms.add(pairTerm(alt.terms[i - 1]!, t));
      });
    }
  }
  return [...terms];
}

export interface RankOptions {
  /** Only documents numbered in these [lo, hi) intervals, in order: a date range (date-range.ts). */
  ranges?: Array<[number, number]>;
  /** Live documents (idf's N) when fewer than `documents`, the numbers given out. */
  live?: number;
  /** Posting lists a document must be in, every one: filters by language or linked entity. */
  filters?: Array<Postings | undefined>;
  /** Any further test of a document. */
  accept?: (doc: number) => boolean;
  /**
   * A page's cursor (model/page-range.ts): the result it names and every result ranked before
   * it are counted but not kept, so the page starts right after it in any data version.
   */
  after?: { score: number; doc: number };
  /** The most hits the window keeps after the cursor (a page size): lets ranking stop early. */
  limit?: number;
}

/** The page, in positions over all matches, once their count and those at or before `after` are known. */
export type RankWindow = (count: number, beforeCursor: number) => { start: number; end: number };

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

const shared = new RankBuffers();

/**
 * Ranks the matches of a query and returns those in the window the caller picks once it knows
 * the count (a page: model/page-range.ts), best first, with the exact count. With `limit`
 * (the most hits the window keeps after the cursor) it stops early: see rank-windows.ts.
 */
export function rankPage(
  query: ParsedQuery,
  lookup: PostingLookup,
  documents: number,
  options: RankOptions,
  window: RankWindow,
  buffers: RankBuffers = shared,
): { count: number; hits: Ranked[]; counts: RankCounts } {
  const counts: RankCounts = { postings: 0, windows: 0, windowsScored: 0, scored: 0 };
  if (query.required.length === 0) return { count: 0, hits: [], counts };
  const arrays = buffers.take(documents);
  const plan = planQuery(query, lookup, documents, options.live ?? documents, counts);
  const { matched, excluded, pairs, order, total } = arrays;
  markMatches(plan, arrays, documents, counts);
  const filters = options.filters ?? [];
  pairs.fill(0, 0, documents);
  for (const list of filters) forEachPosting(list, (doc) => (pairs[doc] = pairs[doc]! + 1));
  // The matches, counted exactly, and the windows that hold one.
  const windows = new Int32Array(plan.windows);
  let count = 0;
  for (const [lo, hi] of options.ranges ?? [[0, documents]]) {
    for (let doc = Math.max(0, lo); doc < Math.min(documents, hi); doc++) {
      if (matched[doc] !== plan.groups || excluded[doc] || pairs[doc] !== filters.length) continue;
      if (options.accept && !options.accept(doc)) continue;
      // A match: `excluded` marks it (2) for the scoring pass.
      excluded[doc] = 2;
      const w = Math.floor(doc / WINDOW_DOCS);
      windows[w] = windows[w]! + 1;
      count++;
    }
  }
  const { kept, skipped } = scoreWindows(plan, arrays, windows, options.after, options.limit ?? Infinity, counts);
  // `order` holds only the matches after the cursor: window positions shift by `skipped`.
  const { start, end } = window(count, skipped);
  const k = Math.max(0, Math.min(end - skipped, kept));
  selectBest(order, kept, k, total);
  const hits: Ranked[] = [];
  for (let i = Math.max(0, start - skipped); i < k; i++) hits.push({ doc: order[i]!, score: total[order[i]!]! });
  return { count, hits, counts };
}

/** Every match, best first (the build step's in-memory search and the tests). */
export function rank(query: ParsedQuery, lookup: PostingLookup, documents: number, accept?: (doc: number) => boolean, live?: number): Ranked[] {
  return rankPage(query, lookup, documents, { accept, live }, (count) => ({ start: 0, end: count })).hits;
}
