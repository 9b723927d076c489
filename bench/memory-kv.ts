import type { KvWriter } from '../tools/build/kv-writer';

/**
 * A KV namespace in this process's memory, behind the publishing code's KvWriter, counting
 * what a publish asks of it: bulk reads and writes (round trips, each at most 100 keys for
 * reads as KV's bulk get), keys and bytes. Loading 100,000 articles' keys into Miniflare's
 * local KV takes many minutes; this takes seconds, and a publish's KV cost is reported as
 * counts, which hold for any KV, rather than as local timings, which would not.
 */
export interface KvCounts {
  readRoundTrips: number;
  keysRead: number;
  writeRoundTrips: number;
  keysWritten: number;
  bytesWritten: number;
  keysDeleted: number;
}

export function memoryKv(): KvWriter & { store: Map<string, string>; counts: KvCounts; resetCounts: () => void } {
  const store = new Map<string, string>();
  const counts: KvCounts = { readRoundTrips: 0, keysRead: 0, writeRoundTrips: 0, keysWritten: 0, bytesWritten: 0, keysDeleted: 0 };
  return {
    store,
    counts,
    resetCounts: () => Object.assign(counts, { readRoundTrips: 0, keysRead: 0, writeRoundTrips: 0, keysWritten: 0, bytesWritten: 0, keysDeleted: 0 }),
    async getMany(keys) {
      counts.readRoundTrips += Math.ceil(keys.length / 100);
      counts.keysRead += keys.length;
      return new Map(keys.map((k) => [k, store.get(k) ?? null]));
    },
    async putMany(pairs) {
      counts.writeRoundTrips += 1;
      counts.keysWritten += pairs.length;
      for (const { key, value } of pairs) {
        counts.bytesWritten += Buffer.byteLength(value);
        store.set(key, value);
      }
    },
    async deleteMany(keys) {
      counts.keysDeleted += keys.length;
      for (const k of keys) store.delete(k);
    },
    async list(prefix) {
      return [...store.keys()].filter((k) => k.startsWith(prefix)).sort();
    },
  };
}
