import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import seedArticle from '../../data/articles/putin-to-visit-north-korea-next-week.json';
import manifest from '../../public/persisted-query-manifest.json';
import { createWorker } from '../../src/worker';
import { parseKvStats } from './helpers';

export type Vars = Partial<Record<keyof Env, string>>;

/**
 * A fresh worker (cold isolate) whose every request runs with `vars` over the test env, and
 * waits for its waitUntil work (edge-cache writes) before answering, as a later request would
 * find it.
 */
export function deliveryWorker(vars: Vars = {}) {
  const worker = createWorker();
  const testEnv = { ...env, ...vars } as Env;
  return async function send(input: string | Request, init?: RequestInit) {
    const request = typeof input === 'string' ? new Request(new URL(input, 'http://localhost'), init) : input;
    const ctx = createExecutionContext();
    const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, testEnv, ctx);
    await waitOnExecutionContext(ctx);
    return Object.assign(response, { kv: parseKvStats(response.headers.get('x-kv-stats')) });
  };
}

/** The id of a persisted operation of the built manifest, by operation name. */
export function persistedId(name: string): string {
  const operation = manifest.operations.find((op) => op.name === name);
  if (!operation) throw new Error(`no persisted operation named ${name}`);
  return operation.id;
}

/** A GET URL for a persisted operation, as Apollo's and urql's persisted-query links build it. */
export function persistedGetUrl(name: string, variables: Record<string, unknown>): string {
  const params = new URLSearchParams({
    operationName: name,
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: persistedId(name) } }),
  });
  return `/graphql?${params}`;
}

export const SEED_SLUG = seedArticle.slug;
export const SEED_HEADLINE = seedArticle.headline;
