import { beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/worker';
import { ARTICLE, hostileRequests, q } from '../shared/hostile-requests';
import { seedKv } from './helpers';
import { contractViolations, send } from './raw-request';

/**
 * The hostile-request table (tests/shared/hostile-requests.ts) inside workerd; the worker must
 * still answer a good query afterwards. tests/e2e/ runs the same table against `wrangler dev`.
 */
describe('hostile requests', () => {
  const worker = createWorker();
  beforeAll(seedKv);

  it.each(hostileRequests)('$name', async ({ request, status, code, check, name, bindings }) => {
    // The delivery settings are read once per worker: other bindings need a worker of their own.
    const response = await send(bindings ? createWorker() : worker, request, bindings as Partial<Env>);
    if (status !== 404) expect(contractViolations(response), name).toEqual([]);
    expect(response.status).toBe(status);
    if (code) expect(response.json?.errors?.map((e) => e.extensions?.code)).toContain(code);
    else if (status === 200) expect(response.json?.errors ?? []).toEqual([]);
    check?.(response);
  });

  it('still answers a good query after all of them', async () => {
    for (const { request } of hostileRequests) await send(worker, request);
    const response = await send(worker, q('query($s: String!) { article(slug: $s) { slug wordCount } }', { s: ARTICLE }));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: { article: { slug: ARTICLE, wordCount: expect.any(Number) } } });
  });
});
