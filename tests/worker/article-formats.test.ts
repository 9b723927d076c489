import { Validator, type Schema } from '@cfworker/json-schema';
import { beforeAll, describe, expect, it } from 'vitest';
import geoJson from 'geojson-schema/GeoJSON.json';
import seedArticle from '../../data/articles/putin-to-visit-north-korea-next-week.json';
import ninjs31 from '../../tools/ingest/schemas/ninjs-schema_3.1.json';
import { deliveryWorker, SEED_HEADLINE, SEED_SLUG } from './delivery-helpers';
import { seedKv } from './helpers';

/**
 * GET /articles/{slug}.ninjs.json and /articles/{slug}.jsonld in workerd, on the data the build
 * writes: IPTC's ninjs 3.1 schema accepts the item (checked here, where the worker runs, with
 * @cfworker/json-schema), the JSON-LD carries the article and its entities' Wikidata ids, and
 * both are cached like GraphQL GETs.
 */
const PRODUCTION = { ALLOW_ARBITRARY_QUERIES: 'true', CACHE_MAX_AGE: '30', CACHE_STALE_WHILE_REVALIDATE: '300', CORS_ORIGINS: '*' };
const ninjsValidator = new Validator(ninjs31 as unknown as Schema, '2020-12', false);
ninjsValidator.addSchema(geoJson as unknown as Schema);

beforeAll(seedKv);

describe('formats out over HTTP', () => {
  it('serves the article as a valid ninjs 3.1 item', async () => {
    const response = await deliveryWorker(PRODUCTION)(`/articles/${SEED_SLUG}.ninjs.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const item = (await response.json()) as Record<string, unknown>;
    const result = ninjsValidator.validate(item);
    expect(result.errors).toEqual([]);
    expect(item).toMatchObject({
      uri: `http://localhost/articles/${SEED_SLUG}.ninjs.json`,
      type: 'text',
      language: 'hi',
      headlines: [{ role: 'main', value: SEED_HEADLINE }],
      located: 'मास्को',
    });
    // Linked entities by their Wikidata concept URIs.
    expect(item.people).toEqual(expect.arrayContaining([
      { name: 'व्लादिमीर पुतिन', rel: 'mentions', uri: 'http://www.wikidata.org/entity/Q7747' },
      { name: 'किम जोंग उन', rel: 'mentions', uri: 'http://www.wikidata.org/entity/Q56226' },
    ]));
    // A date-only article gains no invented time: ninjs dates are date-times.
    expect(item).not.toHaveProperty('firstCreated');
  });

  it('serves the article as NewsArticle JSON-LD with about/mentions and Wikidata sameAs', async () => {
    const response = await deliveryWorker(PRODUCTION)(`/articles/${SEED_SLUG}.jsonld`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const doc = (await response.json()) as Record<string, unknown> & { mentions: Array<{ name: string; sameAs?: string }>; about?: Array<{ name: string }> };
    expect(doc).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: SEED_HEADLINE,
      inLanguage: 'hi',
      // The date as precise as the article has it; never modified, so modified when published.
      datePublished: seedArticle.datePublished,
      dateModified: seedArticle.datePublished,
    });
    expect(doc.mentions).toContainEqual({ '@type': 'Person', name: 'व्लादिमीर पुतिन', sameAs: 'https://www.wikidata.org/wiki/Q7747' });
    // Events the article reports without naming them are what it is about.
    expect(doc.about?.map((a) => a.name)).toContain('पुतिन की वियतनाम यात्रा');
    expect(doc.mentions.map((m) => m.name)).not.toContain('पुतिन की वियतनाम यात्रा');
  });

  it('caches like GraphQL GETs: MISS then HIT with the same ETag, 304 on If-None-Match, CORS on both', async () => {
    const send = deliveryWorker(PRODUCTION);
    // A URL of its own: the edge cache is shared by the tests of this file.
    const url = `/articles/${SEED_SLUG}.jsonld?test=cache`;
    const first = await send(url, { headers: { origin: 'https://reader.example' } });
    const second = await send(url, { headers: { origin: 'https://reader.example' } });
    expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
    expect(second.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=300');
    expect(second.headers.get('access-control-allow-origin')).toBe('*');
    expect(second.kv).toMatchObject({ keys: 0, bytes: 0 });
    const revalidated = await send(url, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
  });

  it('answers what it cannot serve with a code, never caching it', async () => {
    const send = deliveryWorker(PRODUCTION);
    const missing = await send('/articles/no-such-article.ninjs.json');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No article "no-such-article" in this data version.' } });
    const posted = await send(`/articles/${SEED_SLUG}.jsonld`, { method: 'POST', body: '{}' });
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
  });

  it('gives the same documents as the Article.ninjs and Article.jsonLd fields', async () => {
    const send = deliveryWorker(PRODUCTION);
    const query = `{ article(slug: "${SEED_SLUG}") { ninjs jsonLd } }`;
    const graphql = (await (await send(`/graphql?query=${encodeURIComponent(query)}`)).json()) as { data: { article: { ninjs: unknown; jsonLd: unknown } } };
    expect(graphql.data.article.ninjs).toEqual(await (await send(`/articles/${SEED_SLUG}.ninjs.json`)).json());
    expect(graphql.data.article.jsonLd).toEqual(await (await send(`/articles/${SEED_SLUG}.jsonld`)).json());
  });
});
