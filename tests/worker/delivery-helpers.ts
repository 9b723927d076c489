import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import seedArticle from '../../data/articles/putin-to-visit-north-korea-next-week.json';
import { createWorker } from '../../src/worker';
import { parseKvStats } from './helpers';

export { persistedGetUrl, persistedId } from '../shared/delivery-checks';

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

export const SEED_SLUG = seedArticle.slug;
export const SEED_HEADLINE = seedArticle.headline;
