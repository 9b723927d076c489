import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { persistedGetUrl, SEED_SLUG } from '../shared/delivery-checks';

/**
 * A handful of contract queries against the real `wrangler dev` server: what a new user or a
 * client that nobody here wrote sees first. The app's persisted operations, the static SDL and
 * manifest (Workers static assets, headers from public/_headers), and the syntax error that
 * once answered 500 from the shipped bundle while the tests said 200.
 */
const root = new URL('../../', import.meta.url);
const sdl = readFileSync(new URL('schema/schema.graphql', root), 'utf8');
const manifest = readFileSync(new URL('public/persisted-query-manifest.json', root), 'utf8');

describe.each(inject('servers'))('contract of wrangler dev ($name)', ({ origin, vars }) => {
  const get = (path: string, init?: RequestInit) => fetch(`${origin}${path}`, init);

  it.each([
    ['LatestArticles', {}, 'articles'],
    ['ArticlePage', { slug: SEED_SLUG }, 'article'],
    ['PersonPage', { slug: 'kim-jong-un' }, 'person'],
    ['EventPage', { slug: 'putin-visit-to-north-korea-2024' }, 'event'],
    ['Search', { query: 'putin' }, 'search'],
    ['TypeAhead', { prefix: 'किम' }, 'suggest'],
  ])('persisted operation %s answers 200 with data and no errors', async (name, variables, field) => {
    const response = await get(persistedGetUrl(name, variables));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Record<string, unknown>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data[field]).not.toBeNull();
  });

  it.skipIf(vars.ALLOW_ARBITRARY_QUERIES !== 'true')('a syntax error answers 200 GRAPHQL_PARSE_FAILED, not 500', async () => {
    const response = await get('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ nope"}' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it.each([
    ['/schema.graphql', 'text/plain', sdl],
    ['/persisted-query-manifest.json', 'application/json', manifest],
  ])('serves %s to any origin, with a content type', async (path, type, text) => {
    const response = await get(path, { headers: { origin: 'https://tools.example.org' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toContain(type);
    expect(await response.text()).toBe(text);
  });

  it('does not serve the assets headers file itself', async () => {
    expect((await get('/_headers')).status).toBe(404);
  });

  it('answers a CORS preflight for the endpoint', async () => {
    const response = await get('/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
  });
});
