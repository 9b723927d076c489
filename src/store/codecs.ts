import { decodePostingShard, type DecodedShard } from '../search/posting-codec';
import { retainedBytes } from './retained-bytes';

/**
 * How one kind of KV value is kept in the isolate's document cache and handed to readers,
 * and what it is counted as: the bytes it retains, not the length of its JSON (a parsed
 * object costs several times its text: an object header and a tagged slot per field, a
 * string per value). docs/memory.md has the measurements behind each choice.
 */
export interface Codec<T> {
  /** Named in the error when a stored value is malformed: "Stored value K is not valid JSON". */
  format: string;
  /**
   * How KV hands the value over: `text` (bulk reads, up to 100 keys an operation) or `bytes`
   * (an ArrayBuffer, one operation a key, read in the same wave: no JS string of the value).
   */
  read: 'text' | 'bytes';
  /** The form the cache keeps, and the bytes it retains. Throws on a malformed value. */
  keep(stored: string | Uint8Array): { kept: unknown; bytes: number };
  /** What a reader gets from the kept form: done once per key per request (kv-store.ts). */
  use(kept: unknown): T;
}

/**
 * Documents: parsed once and kept parsed, counted by the heap they retain (retained-bytes.ts).
 * Kept parsed, not as text parsed on use, because the documents every page shares (a person's
 * list of articles, 100 cards of 80 KB) would otherwise be parsed again by every request, and
 * ten requests in flight promote that garbage faster than the collector returns it, raising
 * the peak heap (docs/memory.md). Readers never modify documents.
 */
export const jsonCodec: Codec<unknown> = {
  format: 'JSON',
  read: 'text',
  keep: (text) => {
    const value = JSON.parse(text as string) as unknown;
    return { kept: value, bytes: retainedBytes(value) };
  },
  use: (kept) => kept,
};

/**
 * Posting shards: read as bytes and decoded once into typed arrays (src/search/posting-codec.ts),
 * used as kept. A common word's shard is hundreds of kilobytes: as a string it would land in
 * the heap's large-object space with every read.
 */
export const postingShardCodec: Codec<DecodedShard> = {
  format: 'posting-shard JSON',
  read: 'bytes',
  keep: (bytes) => {
    const shard = decodePostingShard(bytes as Uint8Array);
    return { kept: shard, bytes: shard.bytes };
  },
  use: (kept) => kept as DecodedShard,
};
