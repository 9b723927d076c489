import { IMPACT_SCALE, keyTerm, pairTerm } from './index-format';
import type { Alternative, ParsedQuery } from './parse-query';
import { CROSS_SCRIPT_WEIGHT, idf, PAIR_BOOST } from './ranking-params';
import { RankBuffers } from './rank-buffers';
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
 * Scores accumulate in dense arrays indexed by document number ("term-at-a-time" evaluation
 * with accumulators, Turtle & Flood 1995): one pass over each posting list, no per-document
 * objects, so a query that matches most of 100,000 articles stays a few linear scans. The
 * arrays are the isolate's, reused by every query (rank-buffers.ts): a query allocates only
 * the page of hits it returns.
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

/** Live documents, for idf: fewer than the numbers given out once a publish removed some. */
let liveDocuments = 0;

function addTerm(into: Float64Array, list: Postings | undefined, documents: number, weight = 1, count?: Uint8Array): void {
  if (!list) return;
  const w = weight * idf(liveDocuments || documents, list.length / 2);
  forEachPosting(list, (doc, impact) => {
    into[doc] = into[doc]! + w * impact;
    if (count) count[doc] = count[doc]! + 1;
  });
}

/** The scores of one alternative, into `scores` (zeroed first); `pairs` is scratch. */
function alternativeScores(alt: Alternative, lookup: PostingLookup, documents: number, scores: Float64Array, pairs: Uint8Array): void {
  scores.fill(0, 0, documents);
  if (alt.kind === 'word') {
    addTerm(scores, lookup(alt.term), documents);
    if (alt.key) addTerm(scores, lookup(keyTerm(alt.key)), documents, CROSS_SCRIPT_WEIGHT);
    return;
  }
  pairs.fill(0, 0, documents);
  alt.terms.slice(1).forEach((t, i) => addTerm(scores, lookup(pairTerm(alt.terms[i]!, t)), documents, PAIR_BOOST, pairs));
  for (const term of alt.terms) addTerm(scores, lookup(term), documents);
  const needed = alt.terms.length - 1;
  for (let doc = 0; doc < documents; doc++) if (pairs[doc] !== needed) scores[doc] = 0;
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
}

/** The hits of a query's ranking that one page shows, [start, end), and how many there are. */
/** The page, in positions over all matches, once their count and those at or before `after` are known. */
export type RankWindow = (count: number, beforeCursor: number) => { start: number; end: number };

const shared = new RankBuffers();

/**
 * Ranks every matching document and returns those in the window the caller picks once it
 * knows the count (a page: model/page-range.ts), best first, with the total count.
 */
export function rankPage(
  query: ParsedQuery,
  lookup: PostingLookup,
  documents: number,
  options: RankOptions,
  window: RankWindow,
  buffers: RankBuffers = shared,
): { count: number; hits: Ranked[] } {
  if (query.required.length === 0) return { count: 0, hits: [] };
  liveDocuments = options.live ?? documents;
  const { total, best, scores, matched, pairs, excluded, order } = buffers.take(documents);
  for (const group of query.required) {
    best.fill(0, 0, documents);
    for (const alt of group) {
      alternativeScores(alt, lookup, documents, scores, pairs);
      for (let doc = 0; doc < documents; doc++) if (scores[doc]! > best[doc]!) best[doc] = scores[doc]!;
    }
    for (let doc = 0; doc < documents; doc++) {
      if (best[doc]! > 0) {
        total[doc] = total[doc]! + best[doc]!;
        matched[doc] = matched[doc]! + 1;
      }
    }
  }
  for (const pair of query.pairs) addTerm(total, lookup(pair), documents, PAIR_BOOST);
  for (const alt of query.excluded) {
    if (alt.kind === 'word') forEachPosting(lookup(alt.term), (doc) => (excluded[doc] = 1));
    else {
      alternativeScores(alt, lookup, documents, scores, pairs);
      for (let doc = 0; doc < documents; doc++) if (scores[doc]! > 0) excluded[doc] = 1;
    }
  }
  // A document passes the filters when every filter's list holds it: count its lists in
  // `pairs`, free again now that the phrases are scored.
  const filters = options.filters ?? [];
  pairs.fill(0, 0, documents);
  for (const list of filters) forEachPosting(list, (doc) => (pairs[doc] = pairs[doc]! + 1));
  const groups = query.required.length;
  const after = options.after;
  let count = 0;
  let skipped = 0;
  for (const [lo, hi] of options.ranges ?? [[0, documents]]) {
    for (let doc = Math.max(0, lo); doc < Math.min(documents, hi); doc++) {
      if (matched[doc] !== groups || excluded[doc] || pairs[doc] !== filters.length) continue;
      if (options.accept && !options.accept(doc)) continue;
      // Scores are shown and compared rounded, so equal-looking scores tie (and fall to the newer).
      const score = (total[doc] = Math.round(total[doc]! * 1e6) / 1e6);
      // The order of selectBest: higher score first, then the higher (newer) document.
      if (after && (score > after.score || (score === after.score && doc >= after.doc))) skipped++;
      else order[count++] = doc;
    }
  }
  // `order` holds only the matches after the cursor: window positions shift by `skipped`.
  const { start, end } = window(count + skipped, skipped);
  const k = Math.max(0, Math.min(end - skipped, count));
  selectBest(order, count, k, total);
  const hits: Ranked[] = [];
  for (let i = Math.max(0, start - skipped); i < k; i++) hits.push({ doc: order[i]!, score: total[order[i]!]! });
  return { count: count + skipped, hits };
}

/** Every match, best first (the build step's in-memory search and the tests). */
export function rank(query: ParsedQuery, lookup: PostingLookup, documents: number, accept?: (doc: number) => boolean, live?: number): Ranked[] {
  return rankPage(query, lookup, documents, { accept, live }, (count) => ({ start: 0, end: count })).hits;
}
