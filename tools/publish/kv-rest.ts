import type { KvPair, KvWriter } from './kv-writer';
import { PublishError } from './version-state';

/**
 * A KV writer over Cloudflare's REST API (client v4, /accounts/{account}/storage/kv/namespaces/
 * {namespace}/...), what `npm run kv:load -- --remote` publishes through. Its documented limits:
 * a bulk write takes at most 10,000 pairs and 100 MB a request, a bulk read 100 keys, a bulk
 * delete 10,000 keys, a key listing returns at most 1,000 names a page (then a cursor).
 * 429 (rate limited: Cloudflare's API allows 1,200 requests per 5 minutes) and 5xx answers, and
 * requests that never got an answer, are retried after `Retry-After` seconds when given, else
 * with exponential backoff (1 s doubling, at most 60 s); anything else fails at once.
 */
export interface RestKvOptions {
  accountId: string;
  namespaceId: string;
  apiToken: string;
  /** https://api.cloudflare.com/client/v4 unless a test server stands in for it. */
  baseUrl?: string;
  /** Attempts per request, the first included. */
  maxAttempts?: number;
  /** Bytes of one bulk write's body. */
  maxRequestBytes?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

export const KV_REST_LIMITS = { putPairs: 10_000, putBytes: 100_000_000, getKeys: 100, deleteKeys: 10_000, listPage: 1_000 };

interface Envelope<T> {
  success: boolean;
  errors?: Array<{ code: number; message: string }>;
  result: T;
  result_info?: { cursor?: string };
}

export function restKvWriter(options: RestKvOptions): KvWriter {
  const base = `${options.baseUrl ?? 'https://api.cloudflare.com/client/v4'}/accounts/${options.accountId}/storage/kv/namespaces/${options.namespaceId}`;
  const maxAttempts = options.maxAttempts ?? 8;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const log = options.log ?? (() => {});

  async function call<T>(method: string, path: string, body?: string): Promise<Envelope<T>> {
    for (let attempt = 1; ; attempt++) {
      let retryAfter: number | undefined;
      let failure: string;
      try {
        const response = await fetch(base + path, {
          method,
          headers: { authorization: `Bearer ${options.apiToken}`, 'content-type': 'application/json' },
          body,
        });
        const text = await response.text();
        if (response.ok) return JSON.parse(text) as Envelope<T>;
        failure = `${method} ${path.split('?')[0]}: HTTP ${response.status} ${errorMessage(text)}`;
        if (response.status !== 429 && response.status < 500) throw new PublishError(`KV REST API refused ${failure}`);
        const header = Number(response.headers.get('retry-after'));
        if (response.headers.has('retry-after') && Number.isFinite(header)) retryAfter = header * 1000;
      } catch (error) {
        if (error instanceof PublishError) throw error;
        failure = `${method} ${path.split('?')[0]}: no answer (${(error as Error).message})`;
      }
      if (attempt >= maxAttempts) throw new PublishError(`KV REST API: ${failure}, after ${attempt} attempts`);
      const wait = retryAfter ?? Math.min(1000 * 2 ** (attempt - 1), 60_000);
      log(`${failure}; retrying in ${wait / 1000} s (attempt ${attempt + 1} of ${maxAttempts})`);
      await sleep(wait);
    }
  }

  return {
    async getMany(keys) {
      const values = new Map<string, string | null>();
      for (let i = 0; i < keys.length; i += KV_REST_LIMITS.getKeys) {
        const batch = keys.slice(i, i + KV_REST_LIMITS.getKeys);
        const { result } = await call<{ values: Record<string, string | null> }>('POST', '/bulk/get', JSON.stringify({ keys: batch, type: 'text' }));
        for (const key of batch) values.set(key, result.values[key] ?? null);
      }
      return values;
    },
    async putMany(pairs) {
      for (let batch of putBatches(pairs, options.maxRequestBytes ?? KV_REST_LIMITS.putBytes)) {
        // A 200 may list keys it did not store (`unsuccessful_keys`): those go again, alone.
        for (let attempt = 1; batch.length > 0; attempt++) {
          const { result } = await call<{ unsuccessful_keys?: string[] }>('PUT', '/bulk', JSON.stringify(batch));
          const failed = new Set(result?.unsuccessful_keys ?? []);
          batch = batch.filter((pair) => failed.has(pair.key));
          if (batch.length === 0) break;
          if (attempt >= maxAttempts) throw new PublishError(`KV REST API did not store ${batch.length} key(s) (first: ${batch[0]!.key}) after ${attempt} attempts`);
          log(`${batch.length} key(s) not stored; writing them again`);
          await sleep(Math.min(1000 * 2 ** (attempt - 1), 60_000));
        }
      }
    },
    async deleteMany(keys) {
      for (let i = 0; i < keys.length; i += KV_REST_LIMITS.deleteKeys) {
        await call('POST', '/bulk/delete', JSON.stringify(keys.slice(i, i + KV_REST_LIMITS.deleteKeys)));
      }
    },
    async list(prefix) {
      const names: string[] = [];
      let cursor = '';
      do {
        const query = new URLSearchParams({ prefix, limit: String(KV_REST_LIMITS.listPage), ...(cursor ? { cursor } : {}) });
        const page = await call<Array<{ name: string }>>('GET', `/keys?${query}`);
        names.push(...page.result.map((k) => k.name));
        cursor = page.result_info?.cursor ?? '';
      } while (cursor);
      return names;
    },
  };
}

/** Bulk writes: each at most 10,000 pairs and `maxBytes` bytes of JSON. */
export function putBatches(pairs: KvPair[], maxBytes: number): KvPair[][] {
  const batches: KvPair[][] = [];
  let batch: KvPair[] = [];
  let bytes = 2;
  for (const pair of pairs) {
    const size = Buffer.byteLength(JSON.stringify({ key: pair.key, value: pair.value })) + 1;
    if (size + 2 > maxBytes) throw new PublishError(`Key ${pair.key} alone is over the ${maxBytes}-byte limit of a bulk write.`);
    if (batch.length === KV_REST_LIMITS.putPairs || bytes + size > maxBytes) {
      batches.push(batch);
      batch = [];
      bytes = 2;
    }
    batch.push({ key: pair.key, value: pair.value });
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function errorMessage(text: string): string {
  try {
    const { errors } = JSON.parse(text) as Envelope<unknown>;
    return errors?.map((e) => `${e.code}: ${e.message}`).join('; ') ?? '';
  } catch {
    return text.slice(0, 200);
  }
}
