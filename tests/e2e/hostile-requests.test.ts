import { describe, expect, inject, it } from 'vitest';
import { ARTICLE, hostileRequests, q, type Case } from '../shared/hostile-requests';
import { contractViolations, readRaw } from '../shared/raw-response';
import { matches } from './servers';

/**
 * The hostile-request table (tests/shared/hostile-requests.ts, the one the workerd test runs)
 * against the real `wrangler dev` server. A row runs against every server whose vars match
 * what the workerd test gives it: arbitrary queries allowed unless the row binds otherwise.
 */
const servers = inject('servers');
const wants = (row: Case) => ({ ALLOW_ARBITRARY_QUERIES: 'true', ...row.bindings });

describe.each(servers)('hostile requests against wrangler dev ($name)', ({ origin, vars }) => {
  const rows = hostileRequests.filter((row) => matches(vars, wants(row)));
  const send = async ({ path, ...init }: Case['request']) => readRaw(await fetch(`${origin}${path ?? '/graphql'}`, init));

  it.each(rows)('$name', async ({ request, status, code, check, name }) => {
    const response = await send(request);
    if (status !== 404) expect(contractViolations(response), name).toEqual([]);
    expect(response.status).toBe(status);
    if (code) expect(response.json?.errors?.map((e) => e.extensions?.code)).toContain(code);
    else if (status === 200) expect(response.json?.errors ?? []).toEqual([]);
    check?.(response);
  });

  it.skipIf(vars.ALLOW_ARBITRARY_QUERIES !== 'true')('still answers a good query after all of them', async () => {
    const response = await send(q('query($s: String!) { article(slug: $s) { slug wordCount } }', { s: ARTICLE }));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: { article: { slug: ARTICLE, wordCount: expect.any(Number) } } });
  });
});
