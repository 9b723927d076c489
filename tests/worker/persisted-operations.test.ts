import { beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../public/persisted-query-manifest.json';
import { deliveryWorker, persistedGetUrl, SEED_HEADLINE, SEED_SLUG } from './delivery-helpers';
import { seedKv } from './helpers';

/** The production setting of wrangler.toml: only the manifest's operations run. */
const PRODUCTION = { ALLOW_ARBITRARY_QUERIES: 'false', ENVIRONMENT: 'production' } as const;
const json = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

beforeAll(seedKv);

describe('persisted operations (trusted documents)', () => {
  it('the manifest holds the app operations, each id the sha256 of its body', async () => {
    expect(manifest.operations.map((op) => op.name)).toEqual(
      expect.arrayContaining(['ArticlePage', 'EventPage', 'LatestArticles', 'PersonPage', 'Search', 'TypeAhead']),
    );
    for (const op of manifest.operations) {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(op.body));
      const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      expect(op.id).toBe(hex);
    }
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

  it('finds the seed article by Search and Kim Jong Un by TypeAhead, by hash over GET', async () => {
    const send = deliveryWorker(PRODUCTION);
    const search = (await (await send(persistedGetUrl('Search', { query: 'putin' }))).json()) as {
      data: { search: { edges: Array<{ node: { slug: string }; highlights: unknown[] }> } };
    };
    expect(search.data.search.edges[0]!.node.slug).toBe(SEED_SLUG);
    expect(search.data.search.edges[0]!.highlights.length).toBeGreaterThan(0);
    const typeAhead = (await (await send(persistedGetUrl('TypeAhead', { prefix: 'किम' }))).json()) as {
      data: { suggest: Array<{ __typename: string; slug: string }> };
    };
    expect(typeAhead.data.suggest[0]).toMatchObject({ __typename: 'Person', slug: 'kim-jong-un' });
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
