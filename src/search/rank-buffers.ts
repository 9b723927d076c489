/**
 * The work arrays of ranking (rank.ts), one element per document, kept for the isolate's
 * life and reused by every query: at 100,001 articles they are 3.3 MB (3 Float64Array, 4
 * Uint8Array, 1 Int32Array), allocated once, where allocating them per query made every
 * search of a common word several megabytes of garbage and concurrent searches a heap spike.
 * Sharing is safe because ranking is synchronous: one query's ranking runs to completion
 * before another's starts, and only the page of hits it returns outlives it.
 */
export interface RankArrays {
  /** Score of each document so far. */
  total: Float64Array;
  /** The clause that last counted each document (so a clause counts it once). */
  best: Float64Array;
  /** Scores of the current phrase, added where all its pairs are. */
  scores: Float64Array;
  /** Optional clauses each document matched. */
  matched: Uint8Array;
  /** Strict clauses each document matched. */
  strict: Uint8Array;
  /** Scratch counts: phrase pairs, then filter lists. */
  pairs: Uint8Array;
  excluded: Uint8Array;
  /** Matching document numbers, then sorted best first. */
  order: Int32Array;
}

export class RankBuffers {
  private arrays?: RankArrays;
  private capacity = 0;

  /** Arrays of at least `documents` elements; `total`, `matched`, `strict` and `excluded` zeroed. */
  take(documents: number): RankArrays {
    if (!this.arrays || documents > this.capacity) {
      this.capacity = documents;
      this.arrays = {
        total: new Float64Array(documents),
        best: new Float64Array(documents),
        scores: new Float64Array(documents),
        matched: new Uint8Array(documents),
        strict: new Uint8Array(documents),
        pairs: new Uint8Array(documents),
        excluded: new Uint8Array(documents),
        order: new Int32Array(documents),
      };
      return this.arrays;
    }
    const a = this.arrays;
    a.total.fill(0, 0, documents);
    a.matched.fill(0, 0, documents);
    a.strict.fill(0, 0, documents);
    a.excluded.fill(0, 0, documents);
    return a;
  }

  /** Bytes held (docs/memory.md). */
  get bytes(): number {
    return this.capacity * (3 * 8 + 4 + 4);
  }
}
