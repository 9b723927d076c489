import { createHash } from 'node:crypto';

/**
 * The article-extraction benchmark's pages split in two halves once, by a rule that reads no
 * page: ids ordered by sha256("aeb-split:" + id), the first half (rounded up) is the tuning half,
 * the rest is held out. The result is recorded in tests/fixtures/ingest-benchmark/split.json, so a
 * page never changes half; the reader is tuned by looking at tuning-half pages only.
 */
export type Half = 'tune' | 'heldout';

export interface BenchmarkSplit {
  rule: string;
  tune: string[];
  heldout: string[];
}

export const SPLIT_RULE = 'ids ordered by sha256("aeb-split:" + id) (hex); the first ceil(n/2) are the tuning half, the rest held out';

const key = (id: string) => createHash('sha256').update(`aeb-split:${id}`).digest('hex');

export function splitBenchmark(ids: string[]): BenchmarkSplit {
  const ordered = [...ids].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const cut = Math.ceil(ordered.length / 2);
  return { rule: SPLIT_RULE, tune: ordered.slice(0, cut).sort(), heldout: ordered.slice(cut).sort() };
}

/** The half each id is recorded in; an id the record does not hold is an error, not a guess. */
export function halfOf(split: BenchmarkSplit): (id: string) => Half {
  const tune = new Set(split.tune);
  const heldout = new Set(split.heldout);
  return (id) => {
    if (tune.has(id)) return 'tune';
    if (heldout.has(id)) return 'heldout';
    throw new Error(`benchmark page ${id} is in neither half of the recorded split`);
  };
}
