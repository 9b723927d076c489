import { beforeAll, describe, expect, it } from 'vitest';
import { freshWorker, seedKv } from './helpers';
import articlePage from '../../operations/article-page.graphql?raw';
import latestArticles from '../../operations/latest-articles.graphql?raw';
import search from '../../operations/search.graphql?raw';
import { SCREENS, SEED_SLUG } from '../../tools/fixtures/screens';

/**
 * The KV budgets of the main screens, counted (not timed) through the worker's x-kv-stats
 * header. A "round trip" is one wave of reads (one bulk get of up to 100 keys); the data
 * version pointer is a separate read, at most once per VERSION_CHECK_SECONDS per isolate.
 * The screens are the app's persisted operations (operations/*.graphql), as the app sends them.
 */
beforeAll(seedKv);

describe('KV round trips per request', () => {
  it('article page: 1 version read and 2 data round trips cold, nothing warm', async () => {
    const query = freshWorker();
    const cold = await query(articlePage, SCREENS['article-page']);
    expect(cold.body.errors).toBeUndefined();
    expect(cold.body.data?.article.people).toHaveLength(2);
    expect(cold.kv).toMatchObject({ versionReads: 1, roundTrips: 2 });
    const warm = await query(articlePage, SCREENS['article-page']);
    expect(warm.body).toEqual(cold.body);
    expect(warm.kv).toMatchObject({ versionReads: 0, roundTrips: 0, keys: 0, bytes: 0 });
    // Answered from the response memo (src/plugins/use-response-memo.ts), before any read.
    expect(warm.kv.cacheHits).toBe(0);
  });

  it('20 newest articles with their people: 1 version read and 2 data round trips cold', async () => {
    const query = freshWorker();
    const cold = await query(latestArticles, SCREENS['latest-articles']);
    expect(cold.body.errors).toBeUndefined();
    expect(cold.body.data?.articles.edges[0].node.people.map((p: { name: string }) => p.name)).toEqual([
      'Vladimir Putin',
      'Kim Jong Un',
    ]);
    expect(cold.kv).toMatchObject({ versionReads: 1, roundTrips: 2 });
    expect((await query(latestArticles, SCREENS['latest-articles'])).kv).toMatchObject({ versionReads: 0, roundTrips: 0 });
  });

  it('search: 1 version read and 2 data round trips cold (postings, then the page\'s articles)', async () => {
    const query = freshWorker();
    const cold = await query(search, SCREENS.search);
    expect(cold.body.errors).toBeUndefined();
    expect(cold.body.data?.search.totalCount).toBeGreaterThan(0);
    expect(cold.kv).toMatchObject({ versionReads: 1, roundTrips: 2 });
  });

  it('node(id): 1 data round trip cold', async () => {
    const ids = await freshWorker()(`{ person(slug: "kim-jong-un") { id } }`);
    const query = freshWorker();
    const cold = await query(`query ($id: ID!) { node(id: $id) { id ... on Person { name } } }`, {
      id: ids.body.data?.person.id,
    });
    expect(cold.body.data?.node).toEqual({ id: ids.body.data?.person.id, name: 'Kim Jong Un' });
    expect(cold.kv).toMatchObject({ versionReads: 1, roundTrips: 1, operations: 1, keys: 1 });
  });

  it('reads each key once per request however often the query names it', async () => {
    const query = freshWorker();
    const r = await query(`{
      a: article(slug: "${SEED_SLUG}") { headline }
      b: article(slug: "${SEED_SLUG}") { headline }
      c: person(slug: "vladimir-putin") { name }
      d: person(slug: "vladimir-putin") { name }
    }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.kv).toMatchObject({ roundTrips: 1, operations: 1, keys: 2 });
  });
});
