import type { SearchPointer } from '../model/documents';
import { shardOf } from './index-format';

/**
 * The parts of the search index a term is looked up in, each with its own shard count
 * (docs/search.md, "Publishing"). Part 0 is the full build's, sharded by `shards`. Every
 * incremental publish adds one small segment (Lucene's segments: an immutable index of the
 * publish's documents, merged with the others at query time) sharded by its own, much smaller,
 * count, so a one-article publish writes a few segment keys instead of one tail key per base
 * shard its terms fall in. A pointer without `tail` has the earlier layout: parts 1..parts,
 * each sharded like the base.
 */
export interface SearchPart {
  part: number;
  shards: number;
}

export function searchParts(layout: SearchPointer): SearchPart[] {
  const tail = layout.tail ?? Array.from({ length: layout.parts }, (_, i) => [i + 1, layout.shards] as const);
  return [{ part: 0, shards: layout.shards }, ...tail.map(([part, shards]) => ({ part, shards }))];
}

/** Where a term's postings are: one shard in each part, in part order. */
export const termShards = (term: string, parts: SearchPart[]): Array<{ part: number; shard: number }> =>
  parts.map(({ part, shards }) => ({ part, shard: shardOf(term, shards) }));
