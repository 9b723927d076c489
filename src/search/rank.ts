import { keyTerm, pairTerm } from './index-format';
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
 */

export interface Ranked {
  doc: number;
  score: number;
}

/** term -> postings of the terms the query needs; a missing term matches nothing. */
export type PostingLookup = (term: string) => Map<number, number>;

function termScores(lookup: PostingLookup, documents: number, term: string, weight = 1): Map<number, number> {
  const postings = lookup(term);
  const w = weight * idf(documents, postings.size);
  const scores = new Map<number, number>();
  for (const [doc, impact] of postings) scores.set(doc, w * impact);
  return scores;
}

function addInto(into: Map<number, number>, more: Map<number, number>, only?: Map<number, number>): void {
  for (const [doc, s] of more) if (!only || only.has(doc)) into.set(doc, (into.get(doc) ?? 0) + s);
}

function alternativeScores(alt: Alternative, lookup: PostingLookup, documents: number): Map<number, number> {
  if (alt.kind === 'word') {
    const scores = termScores(lookup, documents, alt.term);
    if (alt.key) addInto(scores, termScores(lookup, documents, keyTerm(alt.key), CROSS_SCRIPT_WEIGHT));
    return scores;
  }
  const pairs = alt.terms.slice(1).map((t, i) => termScores(lookup, documents, pairTerm(alt.terms[i]!, t), PAIR_BOOST));
  const [first, ...rest] = pairs;
  const scores = new Map([...first!].filter(([doc]) => rest.every((p) => p.has(doc))));
  for (const pair of rest) addInto(scores, pair, scores);
  for (const term of alt.terms) addInto(scores, termScores(lookup, documents, term), scores);
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
  let total: Map<number, number> | null = null;
  for (const group of query.required) {
    const best = new Map<number, number>();
    for (const alt of group) {
      for (const [doc, s] of alternativeScores(alt, lookup, documents)) best.set(doc, Math.max(best.get(doc) ?? 0, s));
    }
    if (total === null) total = best;
    else {
      const next = new Map<number, number>();
      for (const [doc, s] of total) if (best.has(doc)) next.set(doc, s + best.get(doc)!);
      total = next;
    }
  }
  if (total === null) return [];
  for (const pair of query.pairs) addInto(total, termScores(lookup, documents, pair, PAIR_BOOST), total);
  const excluded = new Set(
    query.excluded.flatMap((alt) =>
      [...(alt.kind === 'word' ? lookup(alt.term) : alternativeScores(alt, lookup, documents)).keys()],
    ),
  );
  return [...total]
    .filter(([doc]) => !excluded.has(doc) && accept(doc))
    .map(([doc, score]) => ({ doc, score: Math.round(score * 1e6) / 1e6 }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
}

