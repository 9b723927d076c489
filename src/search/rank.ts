import { IMPACT_SCALE, keyTerm, pairTerm, type PostingList } from './index-format';
import type { Alternative, ParsedQuery } from './parse-query';
import { CROSS_SCRIPT_WEIGHT, idf, PAIR_BOOST } from './ranking-params';

/**
 * Scores documents for a parsed query from their stored BM25F impacts:
 *   word     idf(term) * impact + CROSS_SCRIPT_WEIGHT * idf(~key) * impact(~key)
 *   phrase   every pair must be present; sum of its words' scores + PAIR_BOOST * pairs' scores
 *   OR group the best of its alternatives; a document must match every group
 *   bonus    PAIR_BOOST * pair score for plain query words that stand side by side in the text
 * Then exclusions and filters remove documents, and ties fall to the lower document number,
 * which is the newer article (index-format.ts).
 *
 * Scores accumulate in dense arrays indexed by document number ("term-at-a-time" evaluation
 * with accumulators, Turtle & Flood 1995): one pass over each posting list, no per-document
 * objects, so a query that matches most of 100,000 articles stays a few linear scans.
 */

export interface Ranked {
  doc: number;
  score: number;
}

/** term -> its stored posting list; undefined when no document has the term. */
export type PostingLookup = (term: string) => PostingList | undefined;

/** Calls `fn(doc, impact)` for each posting of a gap-encoded list. */
export function forEachPosting(list: PostingList | undefined, fn: (doc: number, impact: number) => void): void {
  if (!list) return;
  let doc = 0;
  for (let i = 0; i + 1 < list.length; i += 2) {
    doc += list[i]!;
    fn(doc, list[i + 1]! / IMPACT_SCALE);
  }
}

/** The documents of a posting list, as a membership array over `documents`. */
export function docSet(list: PostingList | undefined, documents: number): Uint8Array {
  const set = new Uint8Array(documents);
  forEachPosting(list, (doc) => (set[doc] = 1));
  return set;
}

function addTerm(into: Float64Array, list: PostingList | undefined, documents: number, weight = 1, count?: Uint8Array): void {
  if (!list) return;
  const w = weight * idf(documents, list.length / 2);
  forEachPosting(list, (doc, impact) => {
    into[doc] = into[doc]! + w * impact;
    if (count) count[doc] = count[doc]! + 1;
  });
}

function alternativeScores(alt: Alternative, lookup: PostingLookup, documents: number): Float64Array {
  const scores = new Float64Array(documents);
  if (alt.kind === 'word') {
    addTerm(scores, lookup(alt.term), documents);
    if (alt.key) addTerm(scores, lookup(keyTerm(alt.key)), documents, CROSS_SCRIPT_WEIGHT);
    return scores;
  }
  const pairs = new Uint8Array(documents);
  alt.terms.slice(1).forEach((t, i) => addTerm(scores, lookup(pairTerm(alt.terms[i]!, t)), documents, PAIR_BOOST, pairs));
  for (const term of alt.terms) addTerm(scores, lookup(term), documents);
  const needed = alt.terms.length - 1;
  for (let doc = 0; doc < documents; doc++) if (pairs[doc] !== needed) scores[doc] = 0;
  return scores;
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

export function rank(
  query: ParsedQuery,
  lookup: PostingLookup,
  documents: number,
  accept: (doc: number) => boolean = () => true,
): Ranked[] {
  if (query.required.length === 0) return [];
  const total = new Float64Array(documents);
  const matched = new Uint8Array(documents);
  for (const group of query.required) {
    const best = new Float64Array(documents);
    for (const alt of group) {
      const scores = alternativeScores(alt, lookup, documents);
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
  const excluded = new Uint8Array(documents);
  for (const alt of query.excluded) {
    if (alt.kind === 'word') forEachPosting(lookup(alt.term), (doc) => (excluded[doc] = 1));
    else alternativeScores(alt, lookup, documents).forEach((s, doc) => s > 0 && (excluded[doc] = 1));
  }
  const groups = query.required.length;
  const out: Ranked[] = [];
  for (let doc = 0; doc < documents; doc++) {
    if (matched[doc] === groups && !excluded[doc] && accept(doc)) out.push({ doc, score: Math.round(total[doc]! * 1e6) / 1e6 });
  }
  return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
}
