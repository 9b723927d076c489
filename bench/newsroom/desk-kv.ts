/**
 * The desk's view of the KV: a write-through cache over the bench's KV binding. The desk is the
 * only writer while the day runs (the worker only reads), so a value it wrote or read stays
 * what KV holds until it writes or deletes that key again: a read answered here is exact. Each
 * call to Miniflare's KV from Node is a round trip through its proxy (tens of ms on a busy
 * machine) and a publish makes some forty of them for keys the desk itself wrote moments
 * before, which is the bench's own overhead, not the publish's; a publisher process keeping its
 * own writes does the same. Values are kept newest first up to `budgetBytes`.
 */
import type { KvPair, KvWriter } from '../../tools/publish/kv-writer';

export interface DeskKv extends KvWriter {
  /** Calls that reached KV, and keys answered from the cache instead. */
  counts(): { kvCalls: number; cachedKeys: number };
}

export function deskKv(kv: KvWriter, budgetBytes = 256 * 1024 * 1024): DeskKv {
  const kept = new Map<string, string | null>();
  let bytes = 0;
  let kvCalls = 0;
  let cachedKeys = 0;
  const forget = (key: string) => {
    const old = kept.get(key);
    if (old !== undefined) bytes -= (old?.length ?? 0) + key.length;
    kept.delete(key);
  };
  const keep = (key: string, value: string | null) => {
    forget(key);
    kept.set(key, value);
    bytes += (value?.length ?? 0) + key.length;
    // Map order is insertion order: the oldest entries go first.
    for (const [old] of kept) {
      if (bytes <= budgetBytes) break;
      forget(old);
    }
  };
  return {
    async getMany(keys) {
      const missing = keys.filter((k) => !kept.has(k));
      cachedKeys += keys.length - missing.length;
      if (missing.length > 0) {
        kvCalls += 1;
        for (const [key, value] of await kv.getMany(missing)) keep(key, value);
      }
      return new Map(keys.map((k) => [k, kept.get(k) ?? null]));
    },
    async putMany(pairs: KvPair[]) {
      kvCalls += 1;
      await kv.putMany(pairs);
      for (const p of pairs) keep(p.key, p.value);
    },
    async deleteMany(keys) {
      kvCalls += 1;
      await kv.deleteMany(keys);
      for (const k of keys) keep(k, null);
    },
    async list(prefix) {
      kvCalls += 1;
      return kv.list(prefix);
    },
    counts: () => ({ kvCalls, cachedKeys }),
  };
}
