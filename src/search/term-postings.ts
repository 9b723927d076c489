import { DenseList } from './dense-list';
import { mergeDense } from './dense-merge';
import { mergeParts } from './merge-parts';
import type { DecodedShard } from './posting-codec';
import type { Postings } from './rank-types';

/**
 * One term's posting list over the parts of the index (the base first, then publishes'
 * parts), as ranking takes it: a base list stored as a bitmap stays a bitmap (dense-list.ts),
 * merged with later parts' postings when a publish added or moved any (dense-merge.ts); any
 * other list is merged gap-encoded (merge-parts.ts). Undefined when no live document has it.
 * The worker (src/store/search-reader.ts) and the build's in-memory search both use it.
 */
export function termPostings(
  term: string,
  shards: Array<{ part: number; shard: DecodedShard | null | undefined }>,
  moved: ReadonlyMap<number, number>,
  documents: number,
): Postings | DenseList | undefined {
  const partsOf = (from: typeof shards) =>
    from.flatMap(({ part, shard }) => {
      const list = shard?.list(term);
      return list ? [{ part, list }] : [];
    });
  const base = shards[0]?.part === 0 ? shards[0].shard?.postings(term) : undefined;
  if (base instanceof DenseList) {
    const others = partsOf(shards.slice(1));
    const list = others.length === 0 && moved.size === 0 ? base : mergeDense(base, others, moved, documents);
    return list.postings > 0 ? list : undefined;
  }
  const parts = partsOf(shards);
  const list = parts.length > 0 ? mergeParts(parts, moved) : undefined;
  return list && list.length > 0 ? list : undefined;
}
