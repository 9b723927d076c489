import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import wranglerToml from '../../wrangler.toml?raw';
import { createWorker } from '../../src/worker';
import { contractViolations, postJson, send } from './raw-request';
import { freshRateWindow } from '../shared/rate-window';

/**
 * The Workers Rate Limiting binding, run by Miniflare: a client over its limit gets 429 with
 * Retry-After and code RATE_LIMITED, other clients are unaffected, and RATE_LIMIT = "off"
 * switches it off. (The vitest config sets "off"; these tests set "on".) The requests go
 * through the vitest config's TEST_RATE_LIMITER, wrangler.toml's binding with a limit small
 * enough to reach within one window however slow the machine is.
 */
const TOML_PERIOD = /simple = \{ limit = \d+, period = (\d+) \}/.exec(wranglerToml)![1];
const LIMIT = 12;
const PERIOD = env.RATE_LIMIT_PERIOD_SECONDS;
const limiter = (env as unknown as { TEST_RATE_LIMITER: RateLimit }).TEST_RATE_LIMITER;
const query = () => postJson({ query: '{ __typename }' }, { 'cf-connecting-ip': '203.0.113.7' });

describe('rate limit', () => {
  it('wrangler.toml period and RATE_LIMIT_PERIOD_SECONDS agree', () => {
    expect(env.RATE_LIMIT_PERIOD_SECONDS).toBe(TOML_PERIOD);
  });

  it(`lets one client make ${LIMIT} requests a period, then answers 429 with Retry-After`, { timeout: 60_000 }, async () => {
    await freshRateWindow(PERIOD, 15_000);
    const worker = createWorker();
    const on = { RATE_LIMIT: 'on', RATE_LIMITER: limiter };
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await send(worker, query(), on)).status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const refused = await send(worker, query(), on);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(PERIOD);
    expect(contractViolations(refused)).toEqual([]);
    expect(refused.json?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');

    const other = postJson({ query: '{ __typename }' }, { 'cf-connecting-ip': '198.51.100.1' });
    expect((await send(worker, other, on)).status).toBe(200);
    expect((await send(worker, query(), { RATE_LIMIT: 'off' })).status).toBe(200);
  });
});
