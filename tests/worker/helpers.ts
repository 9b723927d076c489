import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import data from '../../.build/kv-data.json';
import pointer from '../../.build/kv-pointer.json';
import { parseKvStats, type KvStats } from '../../src/store/kv-stats-header';
import { createWorker } from '../../src/worker';
import { buildDataSet } from '../../tools/compile/build-data-set';
import type { SourceFile } from '../../tools/data/read-data-set';

export { parseKvStats };

/** Writes the real build output into this test file's local KV, pointer last. */
export async function seedKv(): Promise<void> {
  await putAll(data);
  await putAll(pointer);
}

/**
 * Writes entries (distinct keys) 32 at a time: one by one, each test file's seeding of the
 * ~570 keys of the build took seconds of round trips to the local KV, in every worker test file.
 */
async function putAll(entries: ReadonlyArray<{ key: string; value: string }>): Promise<void> {
  for (let i = 0; i < entries.length; i += 32) {
    await Promise.all(entries.slice(i, i + 32).map(({ key, value }) => env.NEWS.put(key, value)));
  }
}

/**
 * Runs the real build step here inside workerd on `files` (data/ files: articles/..., entities/...)
 * and writes the result into this test file's local KV, pointer last.
 */
export async function buildAndSeedKv(files: SourceFile[], builtAt: string): Promise<void> {
  const sha256 = async (text: string) =>
    [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
  const result = await buildDataSet(files, { builtAt, hash: sha256 });
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  await putAll(result.data.entries.map(({ key, value }) => ({ key, value: JSON.stringify(value) })));
  await env.NEWS.put(result.data.pointer.key, JSON.stringify(result.data.pointer.value));
}

export type KvCounts = KvStats;

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
}

/** A worker with its own isolate state: the first request it serves is cold. */
export function freshWorker() {
  const worker = createWorker();
  return async function query<T = Record<string, any>>(
    source: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ status: number; body: GraphQLResult<T>; kv: KvCounts; headers: Headers }> {
    const ctx = createExecutionContext();
    const request = new Request('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: source, variables }),
    });
    const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, env, ctx);
    await waitOnExecutionContext(ctx);
    return {
      status: response.status,
      body: (await response.json()) as GraphQLResult<T>,
      kv: parseKvStats(response.headers.get('x-kv-stats')),
      headers: response.headers,
    };
  };
}

/** Each request from an isolate of its own, so none answers from a version (or answer) an isolate kept. */
export const coldQuery: ReturnType<typeof freshWorker> = (source, variables) => freshWorker()(source, variables);
