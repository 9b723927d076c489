import { beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../public/persisted-query-manifest.json';
import { deliveryWorker, persistedGetUrl, persistedId, SEED_HEADLINE, SEED_SLUG } from './delivery-helpers';
import { seedKv } from './helpers';

/** The production setting of wrangler.toml: only the manifest's operations run. */
const PRODUCTION = { ALLOW_ARBITRARY_QUERIES: 'false', ENVIRONMENT: 'production' } as const;
const json = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

beforeAll(seedKv);

describe('persisted operations (trusted documents)', () => {
  it('the manifest holds the app operations, each id the sha256 of its body', async () => {
    expect(manifest.operations.map((op) => op.name)).toEqual(
      expect.arrayContaining(['ArticlePage', 'EventPage', 'LatestArticles', 'PersonPage']),
    );
    for (const op of manifest.operations) {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(op.body));
      const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      expect(op.id).toBe(hex);
    }
  });

  it('runs an operation named by hash over GET', async () => {
    const send = deliveryWorker(PRODUCTION);
    const response = await send(persistedGetUrl('ArticlePage', { slug: SEED_SLUG }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { article: { headline: string } } };
    expect(body.data.article.headline).toBe(SEED_HEADLINE);
  });

  it('runs an operation named by hash over POST, with variables', async () => {
    const send = deliveryWorker(PRODUCTION);
    const response = await send('/graphql', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        variables: { slug: 'vladimir-putin' },
        extensions: { persistedQuery: { version: 1, sha256Hash: persistedId('PersonPage') } },
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { person: { slug: string; articles: { totalCount: number } } } };
    expect(body.data.person.slug).toBe('vladimir-putin');
    expect(body.data.person.articles.totalCount).toBeGreaterThan(0);
  });

  it.each([
    ['LatestArticles', {}, 'articles'],
    ['EventPage', { slug: 'putin-visit-to-north-korea-2024' }, 'event'],
  ])('%s runs without errors against the seed data', async (name, variables, field) => {
    const response = await deliveryWorker(PRODUCTION)(persistedGetUrl(name, variables));
    const body = (await response.json()) as { data: Record<string, unknown>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data[field]).not.toBeNull();
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
    const params = new URLSearchParams({
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } }),
    });
    const response = await deliveryWorker(PRODUCTION)(`/graphql?${params}`, { headers: { accept: json.accept } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers PersistedQueryNotFound with 200 to application/json clients (the APQ convention)', async () => {
    const response = await deliveryWorker(PRODUCTION)('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: unknown; errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]).toEqual({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
  });

  it('refuses a query text when only persisted operations may run', async () => {
    const response = await deliveryWorker(PRODUCTION)('/graphql', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: '{ dataVersion { id } }' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_ONLY');
  });

  it('runs a query text when ALLOW_ARBITRARY_QUERIES is true (npm start)', async () => {
    const response = await deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'true' })('/graphql', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: `{ article(slug: "${SEED_SLUG}") { headline } }` }),
    });
    const body = (await response.json()) as { data: { article: { headline: string } } };
    expect(body.data.article.headline).toBe(SEED_HEADLINE);
  });

  it('asks for a hash when a request has neither query nor hash', async () => {
    const response = await deliveryWorker(PRODUCTION)('/graphql', { method: 'POST', headers: json, body: '{}' });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(response.status).toBe(400);
    expect(body.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_ID_REQUIRED');
  });

  it('answers a malformed setting with CONFIGURATION_ERROR naming the var', async () => {
    const response = await deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'yes' })(persistedGetUrl('LatestArticles', {}));
    expect(response.status).toBe(500);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('CONFIGURATION_ERROR');
    expect(body.errors[0]!.message).toContain('ALLOW_ARBITRARY_QUERIES');
  });
});
