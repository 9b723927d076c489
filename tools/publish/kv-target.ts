/**
 * The KV namespace the publishing scripts write: local (Miniflare's, under .wrangler/state,
 * the same store `wrangler dev` reads, opened through wrangler's getPlatformProxy) or remote
 * (Cloudflare's, through its REST API, which needs an account, a token and the real namespace
 * id in wrangler.toml).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { restKvWriter } from './kv-rest';
import { fromKvNamespace, type KvNamespaceLike, type KvWriter } from './kv-writer';
import { readBulkJson } from '../compile/write-bulk-json';

export interface KvTarget {
  writer: KvWriter;
  close(): Promise<void>;
}

export async function openKv(options: { remote: boolean; persistTo?: string }): Promise<KvTarget> {
  if (options.remote) return { writer: remoteWriter(), close: async () => {} };
  const proxy = await getPlatformProxy<{ NEWS: KvNamespaceLike }>({
    configPath: 'wrangler.toml',
    // `wrangler dev --persist-to DIR` keeps its KV under DIR/v3; getPlatformProxy takes that path.
    persist: options.persistTo ? { path: join(options.persistTo, 'v3') } : true,
  });
  return { writer: fromKvNamespace(proxy.env.NEWS), close: () => proxy.dispose() };
}

/**
 * Cloudflare's KV through its REST API (tools/publish/kv-rest.ts): the account and an API token
 * with "Workers KV Storage: Edit" from CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (the
 * variables wrangler reads), the namespace from wrangler.toml's NEWS binding.
 */
function remoteWriter(): KvWriter {
  const { CLOUDFLARE_ACCOUNT_ID: accountId, CLOUDFLARE_API_TOKEN: apiToken } = process.env;
  if (!accountId || !apiToken) refuse('--remote needs CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (a token with Workers KV Storage: Edit)');
  const toml = readFileSync('wrangler.toml', 'utf8');
  const namespaceId = toml.match(/\[\[kv_namespaces\]\]\s*binding\s*=\s*"NEWS"\s*id\s*=\s*"([^"]+)"/)?.[1];
  if (!namespaceId) refuse('wrangler.toml has no [[kv_namespaces]] binding "NEWS" with an id');
  return restKvWriter({ accountId, namespaceId, apiToken, log: (line) => console.log(line) });
}

function refuse(message: string): never {
  console.error(`publish refused: ${message}`);
  process.exit(1);
}

/** The build step's output: every key of the new version, and its pointer. */
export function readBuildOutput(dir: string) {
  const entries = readBulkJson(join(dir, 'kv-data.json'));
  const [pointer] = JSON.parse(readFileSync(join(dir, 'kv-pointer.json'), 'utf8')) as Array<{ value: string }>;
  return { entries, pointer: JSON.parse(pointer!.value) };
}
