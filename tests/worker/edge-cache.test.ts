import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import pointer from '../../.build/kv-pointer.json';
import { readConfig } from '../../src/config';
import { ifNoneMatch, withEdgeCache } from '../../src/http/edge-cache';
import { deliveryWorker, persistedGetUrl, SEED_HEADLINE, SEED_SLUG } from './delivery-helpers';
import { seedKv } from './helpers';

const PRODUCTION = { ALLOW_ARBITRARY_QUERIES: 'false', CACHE_MAX_AGE: '30', CACHE_STALE_WHILE_REVALIDATE: '300' };
const VERSION = (JSON.parse(pointer[0]!.value) as { version: string }).version;

beforeAll(seedKv);

/** Each test asks for its own article page (a distinct URL), so the shared edge cache starts cold for it. */
function articleUrl(tag: string) {
  return persistedGetUrl('ArticlePage', { slug: SEED_SLUG, tag });
}

describe('HTTP caching of reads', () => {
  it('a first GET is a MISS with Cache-Control, ETag and the data version; the second is a HIT', async () => {
    const send = deliveryWorker(PRODUCTION);
    const url = persistedGetUrl('LatestArticles', { first: 5 });
    const first = await send(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(first.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=300');
    expect(first.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    expect(first.headers.get('x-data-version')).toBe(VERSION);
    const firstBody = await first.text();

    const second = await send(url);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.text()).toBe(firstBody);
    // A hit reads no KV data: the warm isolate even trusts its pointer.
    expect(second.kv).toMatchObject({ roundTrips: 0, keys: 0, bytes: 0, versionReads: 0 });
  });

  it('a cold isolate serves a hit with one pointer read and no data read', async () => {
    const url = persistedGetUrl('PersonPage', { slug: 'kim-jong-un' });
    const miss = await deliveryWorker(PRODUCTION)(url);
    expect(miss.headers.get('x-cache')).toBe('MISS');
    expect(miss.kv.keys).toBeGreaterThan(0);
    const hit = await deliveryWorker(PRODUCTION)(url);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.kv).toMatchObject({ versionReads: 1, roundTrips: 0, keys: 0, bytes: 0 });
    const body = (await hit.json()) as { data: { person: { slug: string } } };
    expect(body.data.person.slug).toBe('kim-jong-un');
  });

  it('answers If-None-Match with 304 and no body, on a miss and on a hit', async () => {
    const send = deliveryWorker(PRODUCTION);
    const url = articleUrl('etag');
    const first = await send(url);
    const etag = first.headers.get('etag')!;
    const body = (await first.json()) as { data: { article: { headline: string } } };
    expect(body.data.article.headline).toBe(SEED_HEADLINE);

    const revalidated = await send(url, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('x-cache')).toBe('HIT');
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect(revalidated.headers.get('cache-control')).toContain('max-age=30');
    expect(await revalidated.text()).toBe('');

    const coldMiss = await deliveryWorker(PRODUCTION)(articleUrl('etag-miss'), { headers: { 'if-none-match': etag } });
    expect(coldMiss.headers.get('x-cache')).toBe('MISS');
    expect(coldMiss.status).toBe(304);

    const stale = await send(url, { headers: { 'if-none-match': '"something-else"' } });
    expect(stale.status).toBe(200);
  });

  // Copies a whole data version (some 560 keys, every country included) inside workerd: seconds.
  it('a new version the pointer does not descend from (a full build) misses, without a purge', { timeout: 30_000 }, async () => {
    const send = deliveryWorker({ ...PRODUCTION, VERSION_CHECK_SECONDS: '0' });
    const url = articleUrl('version');
    expect((await send(url)).headers.get('x-cache')).toBe('MISS');
    expect((await send(url)).headers.get('x-cache')).toBe('HIT');

    // Publish the same documents under a new version: copy every key, then switch the pointer.
    const next = `${VERSION}-next`;
    const keys = await env.NEWS.list({ prefix: `v:${VERSION}:` });
    expect(keys.list_complete).toBe(true);
    // All at once: the knowledge base holds every country, some 560 keys to copy.
    await Promise.all(
      keys.keys.map(async ({ name }) => env.NEWS.put(name.replace(`v:${VERSION}:`, `v:${next}:`), (await env.NEWS.get(name))!)),
    );
    const previous = pointer[0]!;
    await env.NEWS.put(previous.key, JSON.stringify({ ...JSON.parse(previous.value), version: next }));
    try {
      const after = await send(url);
      expect(after.headers.get('x-cache')).toBe('MISS');
      expect(after.headers.get('x-data-version')).toBe(next);
      expect((await send(url)).headers.get('x-cache')).toBe('HIT');
    } finally {
      await env.NEWS.put(previous.key, previous.value);
    }
  });

  it('never stores errors or partial results', async () => {
    const send = deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'true' });
    // A partial result: `node` (nullable) refuses its argument, `dataVersion` still resolves.
    const partial = `{ dataVersion { id } node(id: "not-an-id") { id } }`;
    // An error: `articles` is non-null, so its refusal nulls the whole of `data`.
    const failed = `{ articles(first: 1000) { totalCount } }`;
    for (const url of [partial, partial, failed, failed].map((query) => `/graphql?${new URLSearchParams({ query })}`)) {
      const response = await send(url);
      const body = (await response.json()) as { errors?: Array<{ extensions: { code: string } }> };
      expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(response.headers.get('x-cache')).toBe('MISS');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('etag')).toBeNull();
    }
  });
});

describe('a failing edge cache', () => {
  it('answers from the resolvers when the Cache API throws', async () => {
    const broken = {
      match: () => Promise.reject(new Error('cache down')),
      put: () => Promise.reject(new Error('cache down')),
    } as unknown as Cache;
    const pending: Array<Promise<unknown>> = [];
    const request = new Request(`http://localhost${persistedGetUrl('LatestArticles', { first: 1 })}`);
    const { response, status } = await withEdgeCache(
      request,
      { config: readConfig({}), pointer: async () => JSON.parse(pointer[0]!.value), reads: () => null, cache: broken, waitUntil: (p) => pending.push(p) },
      async () => Response.json({ data: { ok: true } }),
    );
    await Promise.all(pending); // the failed write is swallowed, not an unhandled rejection
    expect(status).toBe('MISS');
    expect(await response.json()).toEqual({ data: { ok: true } });
    expect(pending).toHaveLength(1);
  });
});

describe('If-None-Match comparison (RFC 9110 13.1.2)', () => {
  it.each([
    [null, false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abd"', false],
  ])('%s against "abc" -> %s', (header, expected) => {
    expect(ifNoneMatch(header, '"abc"')).toBe(expected);
  });
});
