import { beforeAll, describe, expect, it } from 'vitest';
import { deliveryWorker, SEED_HEADLINE, SEED_SLUG } from './delivery-helpers';
import { seedKv } from './helpers';

beforeAll(seedKv);

const LISTED = 'https://app.example.com';
const CORS = { ALLOW_ARBITRARY_QUERIES: 'true', CORS_ORIGINS: `${LISTED}, https://www.example.com` };

describe('GET and POST (GraphQL-over-HTTP)', () => {
  it('answers a query over GET and over POST alike', async () => {
    const send = deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'true' });
    const query = `{ article(slug: "${SEED_SLUG}") { headline } }`;
    const viaGet = await send(`/graphql?${new URLSearchParams({ query })}`);
    const viaPost = await send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    for (const response of [viaGet, viaPost]) {
      const body = (await response.json()) as { data: { article: { headline: string } } };
      expect(body.data.article.headline).toBe(SEED_HEADLINE);
    }
  });

  it('never runs a mutation over GET (and the schema has none over POST either)', async () => {
    const send = deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'true' });
    const viaGet = await send(`/graphql?${new URLSearchParams({ query: 'mutation { __typename }' })}`);
    expect(viaGet.status).toBe(405);
    expect(viaGet.headers.get('allow')).toBe('POST');
    const viaPost = await send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: 'mutation { __typename }' }),
    });
    // Refused at validation (src/query-rules/known-operation-types.ts, the GraphQL spec's "Operation
    // Type Existence"), so no `data`: 400 for application/graphql-response+json per the spec.
    expect(viaPost.status).toBe(400);
    const body = (await viaPost.json()) as { data?: unknown; errors: Array<{ message: string; extensions?: { code?: string } }> };
    expect(body).not.toHaveProperty('data');
    expect(body.errors[0]!.message).toMatch(/mutation/i);
    expect(body.errors[0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('CORS (CORS_ORIGINS)', () => {
  it('grants a listed origin its preflight, echoing it', async () => {
    const response = await deliveryWorker(CORS)('/graphql', {
      method: 'OPTIONS',
      headers: { origin: LISTED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('refuses the preflight of an unlisted origin', async () => {
    const response = await deliveryWorker(CORS)('/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('adds the grant to actual responses, cache hits included, and exposes the cache headers', async () => {
    const send = deliveryWorker(CORS);
    const url = `/graphql?${new URLSearchParams({ query: '{ dataVersion { id } }' })}`;
    const miss = await send(url, { headers: { origin: LISTED } });
    const hit = await send(url, { headers: { origin: 'https://www.example.com' } });
    const other = await send(url, { headers: { origin: 'https://evil.example' } });
    expect(miss.headers.get('x-cache')).toBe('MISS');
    expect(miss.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    expect(hit.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(other.headers.get('x-cache')).toBe('HIT');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('vary')).toContain('Origin');
  });

  it('allows any origin with "*" (the default)', async () => {
    const response = await deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'true', CORS_ORIGINS: '*' })('/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://anywhere.example', 'access-control-request-method': 'GET' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers a malformed origin list with CONFIGURATION_ERROR', async () => {
    const response = await deliveryWorker({ CORS_ORIGINS: 'https://app.example.com/' })('/graphql', { method: 'POST' });
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(response.status).toBe(500);
    expect(body.errors[0]!.extensions.code).toBe('CONFIGURATION_ERROR');
    expect(body.errors[0]!.message).toContain('CORS_ORIGINS');
  });
});
