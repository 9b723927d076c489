import type { SearchPointer } from '../../src/model/documents';
import { searchShardKey } from '../../src/model/keys';
import { shardOf, type PostingShard } from '../../src/search/index-format';
import { unpackList } from '../../src/search/packed-list';
import type { KvEntry } from '../compile/kv-entry';

/**
 * Delta segments of the search index (docs/search.md, "Publishing"), after Lucene's segments
 * (an index is a set of immutable segments searched together; deletions are a per-document
 * mask; a merge policy keeps their number logarithmic: Lucene's LogMergePolicy, and the
 * LSM-tree of O'Neil et al., 1996). Each publish writes the postings of the articles it adds
 * or corrects as one new segment, sharded by its own small shard count (about
 * SEGMENT_TERMS_PER_SHARD terms a shard) instead of the base's, so a one-article publish
 * writes a handful of keys where spreading its ~300 terms over the base's 32,768 shards wrote
 * ~300. Readers look a term up in one shard of every part (src/search/search-parts.ts): the
 * same bulk read, a few keys more.
 *
 * Merge policy: the new segment absorbs the newest live segments while their documents are
 * no more than its own (so far) and the result stays within MAX_SEGMENT_DOCS: segment sizes
 * then behave like a binary counter (1, 2, 1+2 -> 4, ...), at most log2(MAX_SEGMENT_DOCS) + 1
 * segments below the closed ones, and a document is rewritten at most log2 times. A segment
 * that reached MAX_SEGMENT_DOCS is closed, as the base-sharded tail parts were (one per 4,096
 * documents).
 */
export const SEGMENT_TERMS_PER_SHARD = 64;
export const MAX_SEGMENT_DOCS = 4096;

/** term -> [doc, impact] pairs, any order. */
export type SegmentPostings = Map<string, Array<[number, number]>>;
export type TailPart = [part: number, shards: number, docs: number];

/** The live tail parts; an earlier layout's parts (base-sharded) count as closed. */
export const tailOf = (layout: SearchPointer): TailPart[] =>
  layout.tail ?? Array.from({ length: layout.parts }, (_, i): TailPart => [i + 1, layout.shards, MAX_SEGMENT_DOCS]);

/** How many of the newest tail parts a new segment of `docs` documents absorbs. */
export function partsToMerge(tail: TailPart[], docs: number): number {
  let merged = docs;
  let n = 0;
  while (n < tail.length) {
    const size = tail[tail.length - 1 - n]![2];
    if (size > merged || merged + size > MAX_SEGMENT_DOCS) break;
    merged += size;
    n++;
  }
  return n;
}

/** A power of two giving about SEGMENT_TERMS_PER_SHARD terms a shard, at most the base's count. */
export function segmentShards(terms: number, baseShards: number): number {
  let shards = 1;
  while (shards * SEGMENT_TERMS_PER_SHARD < terms && shards < baseShards) shards *= 2;
  return shards;
}

/**
 * The postings of `parts` (stored under version `old`) that are live in them (`live`: the
 * moved-documents rule of merge-parts.ts, after this publish's changes), and the keys that held them.
 */
export async function readSegments(
  read: (keys: string[]) => Promise<Map<string, unknown>>,
  old: string,
  parts: TailPart[],
  live: (doc: number, part: number) => boolean,
): Promise<{ postings: SegmentPostings; keys: string[] }> {
  const keys = parts.flatMap(([part, shards]) => Array.from({ length: shards }, (_, s) => ({ part, key: searchShardKey(old, s, part) })));
  const values = await read(keys.map((k) => k.key));
  const postings: SegmentPostings = new Map();
  for (const { part, key } of keys) {
    for (const [term, list] of Object.entries((values.get(key) as PostingShard | undefined) ?? {})) {
      for (const pair of decodeList(list)) if (live(pair[0], part)) (postings.get(term) ?? postings.set(term, []).get(term)!).push(pair);
    }
  }
  return { postings, keys: keys.filter((k) => values.has(k.key)).map((k) => k.key) };
}

/** A segment's shard entries under `version`: each list gap-encoded in document order. */
export function segmentEntries(version: string, part: number, postings: SegmentPostings, baseShards: number): { entries: KvEntry[]; shards: number; docs: number } {
  const shards = segmentShards(postings.size, baseShards);
  const byShard = new Map<number, PostingShard>();
  const docs = new Set<number>();
  for (const term of [...postings.keys()].sort()) {
    const shard = shardOf(term, shards);
    const value = byShard.get(shard) ?? byShard.set(shard, {}).get(shard)!;
    value[term] = encodeList(postings.get(term)!);
    for (const [doc] of postings.get(term)!) docs.add(doc);
  }
  const entries = [...byShard.keys()].sort((a, b) => a - b).map((s) => ({ key: searchShardKey(version, s, part), value: byShard.get(s)! }));
  return { entries, shards, docs: docs.size };
}

/** A stored list [gap, impact, ...] (or a full build's packed one: packed-list.ts) as [doc, impact] pairs. */
export function decodeList(stored: ArrayLike<number> | string): Array<[number, number]> {
  const list = typeof stored === 'string' ? unpackList(stored) : stored;
  const pairs: Array<[number, number]> = [];
  let doc = 0;
  for (let i = 0; i + 1 < list.length; i += 2) pairs.push([(doc += list[i]!), list[i + 1]!]);
  return pairs;
}

/** [doc, impact] pairs (any order) as a stored list: gap-encoded in document order. */
export function encodeList(pairs: Array<[number, number]>): number[] {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  return sorted.flatMap(([doc, impact], k) => [doc - (k > 0 ? sorted[k - 1]![0] : 0), impact]);
}
