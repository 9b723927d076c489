/**
 * The KV namespace the publishing scripts write: local (Miniflare's, under .wrangler/state,
 * the same store `wrangler dev` reads, opened through wrangler's getPlatformProxy) or remote
 * (Cloudflare's, through `wrangler kv ... --remote`, which needs an account and the real
 * namespace id in wrangler.toml).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { fromKvNamespace, type KvNamespaceLike, type KvWriter } from '../tools/build/kv-writer';
import { readBulkJson } from '../tools/build/write-bulk-json';

export interface KvTarget {
  writer: KvWriter;
  close(): Promise<void>;
}

export async function openKv(options: { remote: boolean; persistTo?: string }): Promise<KvTarget> {
  if (options.remote) return { writer: wranglerRemoteWriter(), close: async () => {} };
  const proxy = await getPlatformProxy<{ NEWS: KvNamespaceLike }>({
    configPath: 'wrangler.toml',
    // `wrangler dev --persist-to DIR` keeps its KV under DIR/v3; getPlatformProxy takes that path.
    persist: options.persistTo ? { path: join(options.persistTo, 'v3') } : true,
  });
  return { writer: fromKvNamespace(proxy.env.NEWS), close: () => proxy.dispose() };
}

/** Cloudflare's bulk endpoints take at most 10,000 pairs (writes) or 100 keys (reads) a call. */
const PUT_BATCH = 10_000;
const GET_BATCH = 100;

function wranglerRemoteWriter(): KvWriter {
  const wrangler = join(process.cwd(), 'node_modules', '.bin', 'wrangler');
  const run = (args: string[], input?: unknown): string => {
    const scratch = mkdtempSync(join(tmpdir(), 'kv-'));
    try {
      const file = join(scratch, 'input.json');
      if (input !== undefined) writeFileSync(file, JSON.stringify(input));
      const withFile = args.map((a) => (a === '@file' ? file : a));
      return execFileSync(wrangler, [...withFile, '--binding', 'NEWS', '--remote'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
      });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  };
  const batches = <T>(items: T[], size: number) =>
    Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
  return {
    async getMany(keys) {
      const values = new Map<string, string | null>();
      for (const batch of batches(keys, GET_BATCH)) {
        const out = JSON.parse(run(['kv', 'bulk', 'get', '@file'], batch)) as Record<string, string | null>;
        for (const key of batch) values.set(key, out[key] ?? null);
      }
      return values;
    },
    async putMany(pairs) {
      for (const batch of batches(pairs, PUT_BATCH)) run(['kv', 'bulk', 'put', '@file'], batch);
    },
    async deleteMany(keys) {
      for (const batch of batches(keys, PUT_BATCH)) run(['kv', 'bulk', 'delete', '@file', '--force'], batch);
    },
    async list(prefix) {
      const out = JSON.parse(run(['kv', 'key', 'list', '--prefix', prefix])) as Array<{ name: string }>;
      return out.map((k) => k.name);
    },
  };
}

/** The build step's output: every key of the new version, and its pointer. */
export function readBuildOutput(dir: string) {
  const entries = readBulkJson(join(dir, 'kv-data.json'));
  const [pointer] = JSON.parse(readFileSync(join(dir, 'kv-pointer.json'), 'utf8')) as Array<{ value: string }>;
  return { entries, pointer: JSON.parse(pointer!.value) };
}
