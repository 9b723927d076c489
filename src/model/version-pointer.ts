/**
 * The pointer key's value (documents.ts): which data version readers see, its delta chain
 * (src/model/generations.ts) and the search index's layout.
 */

/** The value of the pointer key: which data version readers see. */
export interface VersionPointer {
  version: string;
  builtAt: string;
  articleCount: number;
  entityCount: number;
  /**
   * Delta versions only (src/model/generations.ts, docs/publishing.md): the base version the
   * chain ends at, and the delta generations newest first, this version's own first.
   */
  base?: string;
  chain?: Generation[];
  /**
   * A base written by compaction (and every delta on it): the version it was compacted from and
   * the hashes of the logical keys whose value differs from it (the delta it applied), so kept
   * answers outlive the compaction (src/model/answer-reads.ts). Absent after a full build.
   */
  baseParent?: Generation;
  /**
   * The level 1 the chain was last folded into (src/model/level-one.ts): the version whose
   * `g:1` key holds the index, its entries and generations. Absent until a fold; a base resets it.
   */
  level1?: LevelOneRef;
  /** The search index's layout; absent before it had one (derived from articleCount then). */
  search?: SearchPointer;
}

/** A delta generation: its version and the membership hashes of the logical keys it wrote. */
export interface Generation {
  version: string;
  /** Base64 of the sorted little-endian 32-bit hashes (generations.ts keyHash) of its keys. */
  keys: string;
}

/** A pointer's level 1: read once per isolate while the pointer names the same `version`. */
export interface LevelOneRef {
  version: string;
  entries: number;
  generations: number;
}

/** Where a search's keys are (keys.ts), in the pointer: fixed by a full build, grown by publishes. */
export interface SearchPointer {
  /** Posting shards (a power of two), fixed by the full build. */
  shards: number;
  /** Documents of the base part (numbers [0, base)). */
  base: number;
  /** Tail parts written by publishes since: without `tail`, parts 1..parts; with it, the highest part number given out. */
  parts: number;
  /**
   * The live tail parts (delta segments, src/search/search-parts.ts), oldest first:
   * [part, its own shard count, documents in it]. Absent: parts 1..parts, sharded as the base.
   */
  tail?: Array<[part: number, shards: number, docs: number]>;
  /** Depth of the type-ahead bucket trie (src/search/suggest-buckets.ts), fixed by the full build; absent: 1. */
  suggest?: number;
  /** Entries of the type-ahead count table (s:gc) laid over the suggest buckets; 0 or absent: not read. */
  counts?: number;
  /** Document numbers given out: the next appended article is `docs`. */
  docs: number;
  /** Entries of the moved-documents table (s:x); 0: not read. */
  moved: number;
}
