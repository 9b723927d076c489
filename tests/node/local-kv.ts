import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { fromKvNamespace, type KvNamespaceLike, type KvPair, type KvWriter } from '../../tools/build/kv-writer';

/**
 * Real local KV for publishing tests: Miniflare's, opened through wrangler's getPlatformProxy
 * (the store `wrangler dev` reads), persisted to a scratch directory removed on close.
 */
export async function openLocalKv(): Promise<{ kv: KvWriter; close: () => Promise<void> }> {
  const scratch = mkdtempSync(join(tmpdir(), 'publish-test-'));
  const proxy = await getPlatformProxy<{ NEWS: KvNamespaceLike }>({ configPath: 'wrangler.toml', persist: { path: scratch } });
  return {
    kv: fromKvNamespace(proxy.env.NEWS),
    close: async () => {
      await proxy.dispose();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** A writer that writes the first `budget` pairs it is given and then fails, like a dropped upload. */
export function failingAfter(kv: KvWriter, budget: number): KvWriter {
  let left = budget;
  return {
    ...kv,
    async putMany(pairs) {
      const now = pairs.slice(0, left);
      left -= now.length;
      await kv.putMany(now);
      if (now.length < pairs.length) throw new Error('connection reset (injected)');
    },
  };
}

/** A writer that records every key put and deleted, to count a publish's writes exactly. */
export function counting(kv: KvWriter): KvWriter & { puts: KvPair[]; deletes: string[] } {
  const puts: KvPair[] = [];
  const deletes: string[] = [];
  return {
    ...kv,
    puts,
    deletes,
    async putMany(pairs) {
      puts.push(...pairs);
      await kv.putMany(pairs);
    },
    async deleteMany(keys) {
      deletes.push(...keys);
      await kv.deleteMany(keys);
    },
  };
}
