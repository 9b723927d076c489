import { WINDOW_DOCS } from './posting-windows';

/**
 * The work arrays of ranking (rank.ts), kept for the isolate's life and reused by every query.
 * Matching and scoring go one window of WINDOW_DOCS documents at a time (rank-windows.ts), so
 * the per-document arrays are one window long, indexed by position in the window; only the
 * documents kept for the page (`order`, `kept`) outlive a window, and those arrays grow with
 * what a query keeps, never with the corpus. Arrays over every document number (3.3 MB at
 * 100,001 articles) cost a fresh isolate's first search about 16 ms of allocation in workerd,
 * whatever the query, and 33 bytes an article of the isolate's memory.
 * Sharing is safe because ranking is synchronous: one query's ranking runs to completion
 * before another's starts, and only the page of hits it returns outlives it.
 */
export interface RankArrays {
  /** Score of each document of the window. */
  total: Float64Array;
  /** Scores of the current phrase, added where all its pairs are. */
  scores: Float64Array;
  /** The clause that last counted each document (so a clause counts it once); 0: none. */
  stamp: Int32Array;
  /** Optional clauses each document matched. */
  matched: Uint8Array;
  /** Strict clauses each document matched. */
  strict: Uint8Array;
  /** Scratch counts: phrase pairs, excluded phrases' pairs, filter lists. */
  pairs: Uint8Array;
  /** 1: excluded; 2: a match (set by matching, read by scoring). */
  state: Uint8Array;
  /** Documents kept for the page, and their scores at the same positions. */
  order: Int32Array;
  kept: Float64Array;
}

export class RankBuffers {
  private readonly arrays: RankArrays = {
    total: new Float64Array(WINDOW_DOCS),
    scores: new Float64Array(WINDOW_DOCS),
    stamp: new Int32Array(WINDOW_DOCS),
    matched: new Uint8Array(WINDOW_DOCS),
    strict: new Uint8Array(WINDOW_DOCS),
    pairs: new Uint8Array(WINDOW_DOCS),
    state: new Uint8Array(WINDOW_DOCS),
    order: new Int32Array(4 * WINDOW_DOCS),
    kept: new Float64Array(4 * WINDOW_DOCS),
  };

  take(): RankArrays {
    return this.arrays;
  }

  /** Room in `order` and `kept` for at least `size` documents, their first `used` kept. */
  reserve(size: number, used: number): void {
    const a = this.arrays;
    if (a.order.length >= size) return;
    const length = Math.max(size, 2 * a.order.length);
    const order = new Int32Array(length);
    const kept = new Float64Array(length);
    order.set(a.order.subarray(0, used));
    kept.set(a.kept.subarray(0, used));
    a.order = order;
    a.kept = kept;
  }

  /** Bytes held (docs/memory.md). */
  get bytes(): number {
    return WINDOW_DOCS * (2 * 8 + 4 + 4) + this.arrays.order.length * (4 + 8);
  }
}
