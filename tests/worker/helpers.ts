import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import data from '../../.build/kv-data.json';
import pointer from '../../.build/kv-pointer.json';
import { parseKvStats, type KvStats } from '../../src/store/kv-stats-header';
import { createWorker } from '../../src/worker';

export { parseKvStats };

/** Writes the real build output into this test file's local KV, pointer last. */
export async function seedKv(): Promise<void> {
  for (const { key, value } of data) await env.NEWS.put(key, value);
  for (const { key, value } of pointer) await env.NEWS.put(key, value);
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
