import { IMPACT_SCALE, keyTerm, pairTerm } from './index-format';
import type { ParsedQuery } from './parse-query';
import { RankBuffers } from './rank-buffers';
import type { PostingLookup, Postings, RankCounts, Ranked } from './rank-types';
import { WINDOW_DOCS } from './posting-windows';
import { markMatches, planQuery, scoreWindows } from './rank-windows';
import { selectBest } from './select-best';
import { shouldMatch } from './should-match';

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
 * Matches are found and counted in dense arrays indexed by document number: one pass over
 * each posting list, no per-document objects. Scores are then computed window by window
 * (rank-windows.ts), best bound first, and only until no other window can reach the page.
 * The arrays are the isolate's, reused by every query (rank-buffers.ts).
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
  const arrays = buffers.take(documents);
  const plan = planQuery(query, lookup, documents, options.live ?? documents, counts);
  const { matched, strict, excluded, pairs, order, total } = arrays;
  markMatches(plan, arrays, documents, counts);
  const filters = options.filters ?? [];
  pairs.fill(0, 0, documents);
  for (const list of filters) forEachPosting(list, (doc) => (pairs[doc] = pairs[doc]! + 1));
  const ranges = options.ranges ?? [[0, documents]];
  const each = (fn: (doc: number) => void) => {
    for (const [lo, hi] of ranges) for (let doc = Math.max(0, lo); doc < Math.min(documents, hi); doc++) fn(doc);
  };
  // Candidates (`excluded` = 2): every strict clause, no exclusion, every filter, some clause.
  let best = 0;
  each((doc) => {
    if (strict[doc] !== plan.strict || excluded[doc] || pairs[doc] !== filters.length) return;
    if (matched[doc] === 0 && plan.strict === 0) return;
    if (options.accept && !options.accept(doc)) return;
    excluded[doc] = 2;
    if (matched[doc]! > best) best = matched[doc]!;
  });
  // The matches, counted exactly, and the windows that hold one; other candidates drop out.
  const needed = shouldMatch(plan.optional, best);
  const windows = new Int32Array(plan.windows);
  let count = 0;
  each((doc) => {
    if (excluded[doc] !== 2) return;
    if (matched[doc]! < needed) {
      excluded[doc] = 0;
      return;
    }
    const w = Math.floor(doc / WINDOW_DOCS);
    windows[w] = windows[w]! + 1;
    count++;
  });
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
