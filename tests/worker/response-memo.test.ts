import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/worker';
import { freshWorker, seedKv } from './helpers';

const ARTICLE = `query ($slug: String!) { article(slug: $slug) { headline people { slug name } } }`;
const SLUG = 'putin-to-visit-north-korea-next-week';

describe('response memo', () => {
  beforeAll(seedKv);

  it('answers a repeated request with the same bytes and no KV or document-cache read', async () => {
    const query = freshWorker();
    const first = await query(ARTICLE, { slug: SLUG });
    const second = await query(ARTICLE, { slug: SLUG });
    expect(first.body.errors).toBeUndefined();
    expect(first.kv.keys).toBeGreaterThan(0);
    expect(second.body).toEqual(first.body);
    expect(second.kv).toMatchObject({ roundTrips: 0, keys: 0, bytes: 0, cacheHits: 0 });
  });

  it('keeps answers to different variables apart', async () => {
    const query = freshWorker();
    await query(ARTICLE, { slug: SLUG });
    const missing = await query(ARTICLE, { slug: 'no-such-article' });
    expect(missing.body).toEqual({ data: { article: null } });
  });

  it('does not keep answers with errors', async () => {
    const query = freshWorker();
    // A partial answer: the article is read, the ID is refused.
    const bad = `{ article(slug: "${SLUG}") { headline } node(id: "not-an-id") { id } }`;
    const first = await query(bad);
    const second = await query(bad);
    expect(first.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(first.body.data?.article).not.toBeNull();
    expect(second.body).toEqual(first.body);
    // Executed again: the article came from the isolate's document cache the second time.
    expect(second.kv.cacheHits).toBeGreaterThan(0);
  });
});

describe('response memo and hostnames', () => {
  beforeAll(seedKv);

  it('keeps the answers of two hostnames apart: ninjs writes absolute URLs from the origin', async () => {
    const worker = createWorker();
    const ask = async (origin: string) => {
      const ctx = createExecutionContext();
      const request = new Request(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ article(slug: "${SLUG}") { ninjs } }` }),
      });
      const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, env, ctx);
      await waitOnExecutionContext(ctx);
      return { memo: response.headers.get('x-memo'), text: await response.text() };
    };
    const a = await ask('https://news.example.com');
    const b = await ask('https://other.example.org');
    expect(a.text).toContain('https://news.example.com/');
    expect(b.memo).toBeNull();
    expect(b.text).toContain('https://other.example.org/');
    expect(b.text).not.toContain('https://news.example.com/');
    expect((await ask('https://news.example.com')).memo).toBe('HIT');
  });
});
