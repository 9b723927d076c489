import { describe, expect, inject, it } from 'vitest';
import { parseKvStats } from '../../src/store/kv-stats-header';
import { persistedGetUrl } from '../shared/delivery-checks';

/**
 * Cards and Accept-Language through the real `wrangler dev` and its bundle: the shipped feed
 * pages by `edges { cursor node }` with the card's fields, reading no more KV keys than a feed
 * without them, while pictures through `images` cost the article's own key; and a persisted
 * page answers in the language Accept-Language prefers, says which, and is cached per language.
 */
const servers = inject('servers');
const arbitrary = servers.find((s) => s.name === 'production, arbitrary queries, graphql-js')!;

const send = (origin: string, path: string, init: RequestInit & { ip: string }) =>
  fetch(`${origin}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), 'cf-connecting-ip': init.ip } });
const post = (origin: string, query: string, ip: string) =>
  send(origin, '/graphql', { method: 'POST', ip, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

describe.each(servers)('cards and languages in wrangler dev ($name)', ({ origin }) => {
  it('the shipped feed answers cards as edges with cursors', async () => {
    const response = await send(origin, persistedGetUrl('LatestArticles', { first: 20 }), { ip: '192.0.2.41' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { articles: { pageInfo: { endCursor: string }; edges: Array<{ cursor: string; node: Record<string, unknown> }> } } };
    const { edges, pageInfo } = body.data.articles;
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.at(-1)!.cursor).toBe(pageInfo.endCursor);
    expect(Object.keys(edges[0]!.node)).toEqual(expect.arrayContaining(['headline', 'summary', 'section', 'datePublishedTime', 'leadImage']));
  });

  it('a persisted page follows Accept-Language, says which language came back, and varies on it', async () => {
    const url = persistedGetUrl('PersonPage', { slug: 'kim-jong-un', tag: `e2e-${origin}` });
    const get = (acceptLanguage: string) => send(origin, url, { ip: '192.0.2.42', headers: { 'accept-language': acceptLanguage } });
    type Page = { data: { person: { name: string; localizedName: { language: string; value: string } } } };
    const hi = (await (await get('hi-IN, hi;q=0.9')).json()) as Page;
    expect(hi.data.person.localizedName).toMatchObject({ language: 'hi', value: 'किम जोंग उन' });
    const latin = await get('hi-Latn');
    expect(latin.headers.get('vary')).toMatch(/Accept-Language/);
    expect(((await latin.json()) as Page).data.person).toMatchObject({ name: 'Kim Jong Un', localizedName: { language: 'en' } });
    expect(((await (await get('hi')).json()) as Page).data.person.name).toBe('किम जोंग उन');
  });
});

describe('cards cost no read of their own in wrangler dev (production, arbitrary queries)', () => {
  it('a feed with card fields reads the keys of a feed without them; `images` reads each article', async () => {
    const feed = (fields: string) => `{ articles(first: 20) { edges { cursor node { id slug headline ${fields} } } } }`;
    const keys = async (fields: string, ip: string) => {
      const response = await post(arbitrary.origin, feed(fields), ip);
      const body = (await response.json()) as { data: { articles: { edges: unknown[] } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      // Keys asked for: read from KV, or found in the isolate's cache when another test of this
      // run (sharing the server) read the same document first.
      const stats = parseKvStats(response.headers.get('x-kv-stats'));
      return { keys: stats.keys + stats.cacheHits, items: body.data.articles.edges.length };
    };
    // Distinct selections: the response memo holds none of them yet.
    const plain = await keys('datePublished', '192.0.2.43');
    const cards = await keys('datePublished summary section datePublishedTime leadImage { url alt width renditions { url width } }', '192.0.2.44');
    const images = await keys('datePublished images { url alt }', '192.0.2.45');
    expect(cards.keys).toBe(plain.keys);
    expect(images.keys).toBe(plain.keys + plain.items);
  });
});
