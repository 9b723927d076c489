import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { edgeCacheKey } from '../../src/http/edge-cache';
import { MAX_KEY_CHARS } from '../../src/http/response-memo';
import { createWorker } from '../../src/worker';
import { persistedGetUrl, persistedId, SEED_HEADLINE, SEED_SLUG, type Vars } from './delivery-helpers';
import { parseKvStats, seedKv } from './helpers';
import { buildAndPublish, seedFiles } from './publish-data';
import { freshRateWindow } from '../shared/rate-window';

/**
 * Memo hits before yoga (src/front/memo.ts): a repeated request is answered by the fetch
 * handler without yoga, byte for byte and header for header what the miss sent, rate limited
 * and revalidated (304) alike, and never across a full build. `yogaRequests()` counts the
 * requests the worker handed to yoga: a hit must leave it unchanged.
 */
const ARTICLE = `query ($slug: String!) { article(slug: $slug) { headline people { slug name } } }`;
const limiter = (env as unknown as { TEST_RATE_LIMITER: RateLimit }).TEST_RATE_LIMITER;

function worker(vars: Omit<Vars, 'RATE_LIMITER'> & { RATE_LIMITER?: RateLimit } = {}) {
  const w = createWorker();
  const testEnv = { ...env, ...vars } as Env;
  const send = async (input: string, init?: RequestInit) => {
    const ctx = createExecutionContext();
    const request = new Request(new URL(input, 'http://localhost'), init);
    const response = await w.fetch(request as Request<unknown, IncomingRequestCfProperties>, testEnv, ctx);
    await waitOnExecutionContext(ctx);
    const text = await response.text();
    return { status: response.status, headers: Object.fromEntries(response.headers), text, kv: parseKvStats(response.headers.get('x-kv-stats')) };
  };
  return { send, yogaRequests: () => w.yogaRequests() };
}

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
/** Every header but those that say how the answer was made (memo, KV reads, compiled or graphql-js). */
const delivered = (headers: Record<string, string>) => {
  const { 'x-memo': _memo, 'x-kv-stats': _kv, 'x-graphql-executor': _executor, ...rest } = headers;
  return rest;
};

beforeAll(seedKv);

describe('memo hits before yoga', () => {
  it('answers a repeated POST without yoga: same status, bytes and headers (CORS too), no KV read', async () => {
    const { send, yogaRequests } = worker({ CORS_ORIGINS: 'https://app.example.com' });
    const init = post({ query: ARTICLE, variables: { slug: SEED_SLUG } }, { origin: 'https://app.example.com', accept: 'application/graphql-response+json' });
    const miss = await send('/graphql', init);
    expect(miss.status).toBe(200);
    expect(miss.headers['x-memo']).toBeUndefined();
    expect(miss.kv.keys).toBeGreaterThan(0);
    expect(yogaRequests()).toBe(1);

    const hit = await send('/graphql', init);
    expect(hit.headers['x-memo']).toBe('HIT');
    expect(yogaRequests()).toBe(1);
    expect(hit.status).toBe(miss.status);
    expect(hit.text).toBe(miss.text);
    expect(delivered(hit.headers)).toEqual(delivered(miss.headers));
    expect(hit.headers).toMatchObject({
      'content-type': 'application/graphql-response+json; charset=utf-8',
      'access-control-allow-origin': 'https://app.example.com',
      vary: 'Origin',
    });
    expect(hit.kv).toMatchObject({ versionReads: 0, roundTrips: 0, keys: 0, bytes: 0, cacheHits: 0 });
  });

  it('exposes to browser scripts every header it adds (x-memo, x-graphql-executor, x-kv-stats, ...)', async () => {
    const { send } = worker({ CORS_ORIGINS: 'https://app.example.com' });
    const persisted = { variables: { slug: SEED_SLUG }, extensions: { persistedQuery: { version: 1, sha256Hash: persistedId('ArticlePage') } } };
    const init = post(persisted, { origin: 'https://app.example.com' });
    const miss = await send('/graphql', init);
    const hit = await send('/graphql', init);
    const cached = await send(persistedGetUrl('ArticlePage', { slug: SEED_SLUG }), { headers: { origin: 'https://app.example.com' } });
    expect(miss.headers['x-graphql-executor']).toBe('compiled');
    expect(hit.headers['x-memo']).toBe('HIT');
    expect(cached.headers.etag).toBeDefined();
    for (const response of [miss, hit, cached]) {
      const exposed = response.headers['access-control-expose-headers']!.toLowerCase().split(/,\s*/);
      const added = Object.keys(response.headers).filter((name) => name.startsWith('x-') || name === 'etag');
      expect(added.filter((name) => !exposed.includes(name))).toEqual([]);
    }
  });

  it('keys by what changes the answer: variables and the negotiated media type each miss', async () => {
    const { send, yogaRequests } = worker();
    await send('/graphql', post({ query: ARTICLE, variables: { slug: SEED_SLUG } }, { accept: 'application/graphql-response+json' }));
    const other = await send('/graphql', post({ query: ARTICLE, variables: { slug: 'no-such-article' } }));
    expect(JSON.parse(other.text)).toEqual({ data: { article: null } });
    const asJson = await send('/graphql', post({ query: ARTICLE, variables: { slug: SEED_SLUG } }, { accept: 'application/json' }));
    expect(asJson.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(asJson.headers['x-memo']).toBeUndefined();
    expect(yogaRequests()).toBe(3);
  });

  it('keeps no answer with errors: each one goes through yoga', async () => {
    const { send, yogaRequests } = worker();
    const bad = post({ query: `{ article(slug: "${SEED_SLUG}") { headline } node(id: "not-an-id") { id } }` });
    const [first, second] = [await send('/graphql', bad), await send('/graphql', bad)];
    expect(second.text).toBe(first.text);
    expect(second.headers['x-memo']).toBeUndefined();
    expect(yogaRequests()).toBe(2);
  });

  it('hands a body larger than the key limit to yoga intact, and never keeps its answer', async () => {
    const { send, yogaRequests } = worker();
    // No Content-Length (a stream), so the early path reads up to its limit and must pass the
    // bytes read and the rest on to yoga.
    const init = post({ query: ARTICLE, variables: { slug: SEED_SLUG, pad: 'x'.repeat(MAX_KEY_CHARS) } });
    const [first, second] = [await send('/graphql', init), await send('/graphql', init)];
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text).data.article.headline).toBe(SEED_HEADLINE);
    expect(second).toMatchObject({ status: 200, text: first.text });
    expect(second.headers['x-memo']).toBeUndefined();
    expect(yogaRequests()).toBe(2);
  });

  it('a GET the edge cache lost is a memo hit with the same ETag, and 304 on If-None-Match', async () => {
    const { send, yogaRequests } = worker({ ALLOW_ARBITRARY_QUERIES: 'false' });
    const url = persistedGetUrl('ArticlePage', { slug: SEED_SLUG, tag: 'memo-hit' });
    const miss = await send(url);
    expect(miss.headers).toMatchObject({ 'x-cache': 'MISS', etag: expect.stringMatching(/^"[0-9a-f]{64}"$/) });
    // Evict it from the edge cache (another colo, an eviction): the next GET asks the memo.
    const key = edgeCacheKey(new Request(new URL(url, 'http://localhost')))!;
    await (caches as unknown as { default: Cache }).default.delete(key);
    const hit = await send(url);
    expect(hit.headers['x-memo']).toBe('HIT');
    expect(hit.text).toBe(miss.text);
    expect(delivered(hit.headers)).toEqual(delivered(miss.headers));
    await (caches as unknown as { default: Cache }).default.delete(key);
    const revalidated = await send(url, { headers: { 'if-none-match': miss.headers.etag! } });
    expect(revalidated).toMatchObject({ status: 304, text: '', headers: { 'x-memo': 'HIT', etag: miss.headers.etag } });
    // The miss too was answered before yoga: a compiled persisted operation (src/front/compiled.ts).
    expect(miss.headers['x-graphql-executor']).toBe('compiled');
    expect(yogaRequests()).toBe(0);
  });

  it('counts hits against the rate limit: the 13th request of a client gets 429 without yoga', { timeout: 60_000 }, async () => {
    await freshRateWindow(env.RATE_LIMIT_PERIOD_SECONDS, 15_000);
    const { send, yogaRequests } = worker({ RATE_LIMIT: 'on', RATE_LIMITER: limiter });
    const init = post({ query: ARTICLE, variables: { slug: SEED_SLUG } }, { 'cf-connecting-ip': '203.0.113.77' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await send('/graphql', init)).status);
    expect(statuses).toEqual(Array(12).fill(200));
    expect(yogaRequests()).toBe(1);
    const refused = await send('/graphql', init);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe(env.RATE_LIMIT_PERIOD_SECONDS);
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(yogaRequests()).toBe(1);
  });

  // Last: it publishes a new data version into this file's KV.
  it('misses once the data version changes, and answers from the new version', { timeout: 60_000 }, async () => {
    const { send, yogaRequests } = worker({ VERSION_CHECK_SECONDS: '0' });
    const init = post({ query: ARTICLE, variables: { slug: SEED_SLUG } });
    await send('/graphql', init);
    expect((await send('/graphql', init)).headers['x-memo']).toBe('HIT');
    const files = seedFiles().map((f) => (f.path.startsWith('articles/') ? { ...f, text: f.text.replace(SEED_HEADLINE, `${SEED_HEADLINE} (updated)`) } : f));
    await buildAndPublish(files, '2026-02-01T00:00:00Z');
    const after = await send('/graphql', init);
    expect(after.headers['x-memo']).toBeUndefined();
    expect(yogaRequests()).toBe(2);
    expect(JSON.parse(after.text).data.article.headline).toBe(`${SEED_HEADLINE} (updated)`);
    const again = await send('/graphql', init);
    expect(again).toMatchObject({ text: after.text, headers: { 'x-memo': 'HIT' } });
  });
});
