import { IMPACT_SCALE, keyTerm, pairTerm } from './index-format';
import type { ParsedQuery } from './parse-query';
import type { AnyList } from './dense-list';
import { matchGeneral } from './match-window';
import { RankBuffers } from './rank-buffers';
import { denseApplies, matchDense } from './rank-dense';
import type { PostingLookup, Postings, RankCounts, Ranked } from './rank-types';
import { scoreWindows } from './rank-windows';
import { selectBest } from './select-best';

export type { PostingLookup, Postings, RankCounts, Ranked } from './rank-types';

/**
 * Scores documents for a parsed query from their stored BM25F impacts, every part adding:
 *   word     idf(term) * impact + CROSS_SCRIPT_WEIGHT * idf(~key) * impact(~key)
 *   phrase   every pair must be present; sum of its words' scores + PAIR_BOOST * pairs' scores
 *   clause   the sum of its alternatives that match (A OR B: both add where both match)
 *   bonus    PAIR_BOOST * pair score for plain query words that stand side by side in the text
 * A document matches when it matches every strict clause, none excluded, every filter, and
 * at least should-match.ts's share of the optional clauses; `count` is the number of such
 * documents, all of them ranked. Ties fall to the higher document number, which is the newer
 * article (index-format.ts).
 *
 * Matches are found and counted window by window (match-window.ts, or over bitmaps:
 * rank-dense.ts), in arrays one window long, no per-document objects. Scores are then computed
 * window by window (rank-windows.ts), best bound first, and only until no other window can
 * reach the page. The arrays are the isolate's, reused by every query (rank-buffers.ts).
 */

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
  for (const alt of [...query.clauses.flatMap((c) => c.alternatives), ...query.excluded]) {
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
  filters?: Array<AnyList | undefined>;
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

/** Whether a document number is below `documents` and in one of the [lo, hi) `ranges` (sorted): a binary search. */
function rangeTest(ranges: Array<[number, number]> | undefined, documents: number): (doc: number) => boolean {
  if (!ranges) return (doc) => doc >= 0 && doc < documents;
  return (doc) => {
    if (doc < 0 || doc >= documents) return false;
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]![1] <= doc) lo = mid + 1;
      else hi = mid;
    }
    return lo < ranges.length && ranges[lo]![0] <= doc;
  };
}

/** The page, in positions over all matches, once their count and those at or before `after` are known. */
export type RankWindow = (count: number, beforeCursor: number) => { start: number; end: number };

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
  if (query.clauses.length === 0) return { count: 0, hits: [], counts };
  const arrays = buffers.take();
  const live = options.live ?? documents;
  const { plan, windows, count, prepare } = denseApplies(query, lookup, options)
    ? matchDense(query, lookup, documents, live, arrays, counts)
    : matchGeneral(query, lookup, documents, live, { ...options, inRange: rangeTest(options.ranges, documents) }, arrays, counts);
  const { kept, skipped } = scoreWindows(plan, buffers, windows, options.after, options.limit ?? Infinity, counts, prepare);
  // `order` holds only the matches after the cursor: window positions shift by `skipped`.
  const { start, end } = window(count, skipped);
  const k = Math.max(0, Math.min(end - skipped, kept));
  const { order, kept: scores } = arrays;
  selectBest(order, kept, k, scores);
  const hits: Ranked[] = [];
  for (let i = Math.max(0, start - skipped); i < k; i++) hits.push({ doc: order[i]!, score: scores[i]! });
  return { count, hits, counts };
}

/** Every match, best first (the build step's in-memory search and the tests). */
export function rank(query: ParsedQuery, lookup: PostingLookup, documents: number, accept?: (doc: number) => boolean, live?: number): Ranked[] {
  return rankPage(query, lookup, documents, { accept, live }, (count) => ({ start: 0, end: count })).hits;
}
