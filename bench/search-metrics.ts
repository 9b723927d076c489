/**
 * Ranking metrics at a cutoff, as TREC's trec_eval defines them for binary judgments
 * (Manning, Raghavan & Schütze, "Introduction to Information Retrieval", ch. 8; Järvelin &
 * Kekäläinen, "Cumulated gain-based evaluation of IR techniques", TOIS 2002, for nDCG with
 * gain 1 and discount log2(rank + 1)).
 */
export interface Scores {
  queries: number;
  mrr: number;
  ndcg: number;
  recall: number;
  /** Queries with at least one result. */
  answered: number;
}

/** Metrics of one ranking (`results`, best first) against the relevant ids, at `k`. */
export function judge(results: string[], relevant: string[], k = 10): Omit<Scores, 'queries'> {
  const top = results.slice(0, k);
  const first = top.findIndex((id) => relevant.includes(id));
  const dcg = top.reduce((sum, id, i) => sum + (relevant.includes(id) ? 1 / Math.log2(i + 2) : 0), 0);
  const ideal = relevant.slice(0, k).reduce((sum, _, i) => sum + 1 / Math.log2(i + 2), 0);
  return {
    mrr: first < 0 ? 0 : 1 / (first + 1),
    ndcg: ideal > 0 ? dcg / ideal : 0,
    recall: relevant.length > 0 ? relevant.filter((id) => top.includes(id)).length / relevant.length : 0,
    answered: results.length > 0 ? 1 : 0,
  };
}

/** The mean of each metric over queries. */
export function mean(all: Array<Omit<Scores, 'queries'>>): Scores {
  const sum = (f: (s: Omit<Scores, 'queries'>) => number) => all.reduce((n, s) => n + f(s), 0);
  const n = Math.max(1, all.length);
  return { queries: all.length, mrr: sum((s) => s.mrr) / n, ndcg: sum((s) => s.ndcg) / n, recall: sum((s) => s.recall) / n, answered: sum((s) => s.answered) };
}
