import { analyze } from '../text/analyze';
import { keyTerm, pairTerm } from './index-format';

/**
 * The terms one field of an article is indexed under: each word's term, each pair of adjacent
 * words (stopwords skipped, never across segments: a segment is a paragraph, a headline or one
 * name), and, for names and headlines, each word's cross-script key. Pairs make a phrase query
 * a lookup instead of a position check (a "next-word index": Williams, Zobel & Bahle, "Fast
 * phrase querying with combined indexes", ACM TOIS 2004); a phrase of n words must hold all
 * n - 1 pairs.
 */
export interface FieldTerms {
  counts: Map<string, number>;
  /** Words that are not stopwords: the field's length for BM25's length norm. */
  length: number;
}

export function fieldTerms(segments: string[], withKeys: boolean, distinct = false): FieldTerms {
  const counts = new Map<string, number>();
  const add = (term: string) => counts.set(term, distinct ? 1 : (counts.get(term) ?? 0) + 1);
  let length = 0;
  for (const segment of segments) {
    const tokens = analyze(segment).filter((t) => t.term !== '');
    length += tokens.length;
    tokens.forEach((t, i) => {
      add(t.term);
      if (i > 0) add(pairTerm(tokens[i - 1]!.term, t.term));
      if (withKeys && t.key) add(keyTerm(t.key));
    });
  }
  return { counts, length };
}

/** Adds the counts of `more` to `into` (one entity's names after another's). */
export function mergeFieldTerms(into: FieldTerms, more: FieldTerms): FieldTerms {
  for (const [term, count] of more.counts) into.counts.set(term, (into.counts.get(term) ?? 0) + count);
  into.length += more.length;
  return into;
}
