/**
 * Ranking constants, in one place so the build step (which stores BM25F impacts) and the
 * query (which weighs them) agree.
 *
 * BM25 k1 = 1.2 and b = 0.75 are the defaults of Robertson & Zaragoza, "The Probabilistic
 * Relevance Framework: BM25 and Beyond" (2009), and of Lucene's BM25Similarity.
 * Field weights (BM25F): the names of the entities an article links to weigh most, a headline
 * word more than a body word. A word pair (two adjacent words of a phrase) adds PAIR_BOOST times
 * its own score, so adjacent words outrank scattered ones; half, not more, because a rare pair
 * has a high idf and, at 1.5, outweighed the words themselves in natural questions (dev part
 * of bench/search-measure.ts's XQuAD set: MRR@10 0.947/0.911/0.923 en/hi/zh at 1.5,
 * 0.951/0.927/0.929 at 0.5). A cross-script match (by name key)
 * counts CROSS_SCRIPT_WEIGHT of a native one, so पुतिन ranks native matches of "पुतिन" first.
 */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

export type Field = 'headline' | 'body' | 'entity';
export const FIELD_WEIGHTS: Record<Field, number> = { headline: 2.5, body: 1, entity: 3 };

export const PAIR_BOOST = 0.5;
export const CROSS_SCRIPT_WEIGHT = 0.4;

/** Lucene's BM25 idf: ln(1 + (N - df + 0.5) / (df + 0.5)), never negative. */
export function idf(documents: number, documentFrequency: number): number {
  return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
