/**
 * How many of a query's optional clauses a document must match (Lucene's
 * `minimum_should_match`), given `optional` clauses and `best`, the most that any candidate
 * document matches. Short keyword queries stay precise: up to SHORT_QUERY words, all of them.
 * Longer queries (questions, pasted sentences) match what they can, ranked by what they share
 * with a document: on the dev part of the XQuAD questions (bench/search-measure.ts) asking for
 * a third, a half or even two of their words lost more right answers than it removed wrong ones.
 * The rule lowers to `best` when no document reaches it (a coordination fallback: two words
 * that never meet give the best documents of either, not nothing).
 */
export const SHORT_QUERY = 2;

export function shouldMatch(optional: number, best: number): number {
  return Math.min(optional <= SHORT_QUERY ? optional : 1, best);
}
