import { decodePostingShard, type DecodedShard } from '../search/posting-codec';
import { stringBytes } from './string-bytes';

/**
 * How one kind of KV value is kept in the isolate's document cache and handed to readers.
 * The cache keeps compact forms, counted by what they retain: parsed JSON objects cost
 * several times their text (an object header and a tagged slot per field, a string per
 * value), and the cache would hold that garbage-heavy graph for the isolate's life.
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

/** Documents: the raw JSON text is kept and parsed on use (a 10 KB article parses in ~50 µs). */
export const jsonCodec: Codec<unknown> = {
  format: 'JSON',
  read: 'text',
  keep: (text) => ({ kept: text, bytes: stringBytes(text as string) }),
  use: (kept) => JSON.parse(kept as string) as unknown,
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
