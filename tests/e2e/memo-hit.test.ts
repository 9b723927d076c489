import { describe, expect, inject, it } from 'vitest';
import { parseKvStats } from '../../src/store/kv-stats-header';
import { persistedId, SEED_SLUG } from '../shared/delivery-checks';
import { freshRateWindow } from '../shared/rate-window';

/**
 * Memo hits before yoga (src/front/memo.ts) through the real `wrangler dev`: a repeated
 * persisted POST is answered by the fetch handler (`x-memo: HIT`, which only that early path
 * sets) with the bytes and headers of the miss that filled the memo, reading no KV; and over
 * the rate limit a client's hits are refused like any request. tests/worker/memo-hit.test.ts
 * also counts yoga's requests, checks 304 and the data-version switch.
 */
const servers = inject('servers');
const production = servers.find((s) => s.name === 'production')!;

/** A persisted POST, as Apollo's persisted-query link sends it (a `tag` the operation ignores keeps it apart). */
const persistedPost = (tag: string, ip: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json,application/json;q=0.9', 'cf-connecting-ip': ip },
  body: JSON.stringify({ variables: { slug: SEED_SLUG, tag }, extensions: { persistedQuery: { version: 1, sha256Hash: persistedId('ArticlePage') } } }),
});
/** Headers but the ones that say how and when the answer was made (memo, KV reads, compiled or graphql-js, date). */
const delivered = (response: Response) =>
  Object.fromEntries([...response.headers].filter(([name]) => !['x-memo', 'x-kv-stats', 'x-graphql-executor', 'date'].includes(name)));

describe.each(servers)('memo hits before yoga in wrangler dev ($name)', ({ origin }) => {
  it('a repeated persisted POST is a memo hit: same status, bytes and headers, no KV read', async () => {
    const init = persistedPost(`e2e-${origin}`, '192.0.2.10');
    const miss = await fetch(`${origin}/graphql`, init);
    const missText = await miss.text();
    expect(miss.status).toBe(200);
    expect(miss.headers.get('x-memo')).toBeNull();
    expect(JSON.parse(missText).data.article.slug).toBe(SEED_SLUG);

    const hit = await fetch(`${origin}/graphql`, init);
    expect(hit.headers.get('x-memo')).toBe('HIT');
    expect(hit.status).toBe(miss.status);
    expect(await hit.text()).toBe(missText);
    expect(delivered(hit)).toEqual(delivered(miss));
    expect(parseKvStats(hit.headers.get('x-kv-stats'))).toMatchObject({ roundTrips: 0, keys: 0, bytes: 0, cacheHits: 0 });
  });
});

describe('memo hits and the rate limit in wrangler dev (production)', () => {
  it('counts hits: a client over wrangler.toml\'s limit gets 429 on a request the memo holds', { timeout: 90_000 }, async () => {
    const init = persistedPost('e2e-rate-limit', '192.0.2.99');
    await freshRateWindow(production.vars.RATE_LIMIT_PERIOD_SECONDS!, 30_000);
    const first = await fetch(`${production.origin}/graphql`, init);
    expect(first.status).toBe(200);
    await first.text();
    // wrangler.toml: 600 a period. Sent in batches, every one of them the same request.
    const statuses: number[] = [];
    let lastHit: string | null = null;
    while (!statuses.includes(429) && statuses.length < 700) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, async () => {
          const response = await fetch(`${production.origin}/graphql`, init);
          await response.arrayBuffer();
          if (response.status === 200) lastHit = response.headers.get('x-memo');
          return response.status;
        }),
      );
      statuses.push(...batch);
    }
    expect(lastHit).toBe('HIT');
    expect(statuses.filter((s) => s === 200).length).toBe(599);
    const refused = await fetch(`${production.origin}/graphql`, init);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(production.vars.RATE_LIMIT_PERIOD_SECONDS);
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
  });
});
