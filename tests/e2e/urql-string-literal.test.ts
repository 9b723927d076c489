import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { cacheExchange, Client, fetchExchange, gql } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { describe, expect, inject, it } from 'vitest';
import { CARD_TOP_STORIES } from '../../tools/fixtures/card-corpus';
import { SEED_SLUG } from '../../tools/fixtures/screens';
import { operationText } from './apollo-paging';
import { exchanges, recordingFetch } from './recording-fetch';

/**
 * urql (@urql/core 6, @urql/exchange-persisted 5) with operations that hold a string literal
 * (Home's `curatedList(key: "top-stories:home")`, ArticlePageDeferred's `@defer(label: ...)`)
 * against `wrangler dev` with wrangler.toml's vars (persisted operations only), over the
 * client corpus. urql's own printer puts a newline before every string literal, so its default
 * hash is not the operation's id; docs/clients.md's set-up hashes graphql-js `print()`, the
 * printer the ids are defined by, and hits the manifest with one GET.
 */
const { origin } = inject('clientServer');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function client(documented: boolean) {
  const { fetch: recorder, requests } = recordingFetch();
  const persisted = documented
    ? persistedExchange({ preferGetForPersistedQueries: true, generateHash: async (_, document) => sha256(print(document)) })
    : persistedExchange({ preferGetForPersistedQueries: true });
  // urql aborts its request when `toPromise` has its result: after a multipart answer's last
  // part, its closing boundary may be unread, and Node's fetch then rejects nobody's promise.
  const unaborted: typeof fetch = (input, init) => recorder(input, { ...init, signal: null });
  return { requests, urql: new Client({ url: `${origin}/graphql`, fetch: unaborted, exchanges: [cacheExchange, persisted, fetchExchange] }) };
}

describe('urql and operations with string literals (production vars)', () => {
  it('runs Home by its id over GET with the documented generateHash', async () => {
    const { urql, requests } = client(true);
    const result = await urql.query(gql(operationText('home.graphql')), { first: 10 }).toPromise();
    expect(result.error).toBeUndefined();
    const data = result.data as { curatedList: { articles: Array<{ slug: string }> }; articles: { edges: unknown[] } };
    expect(data.curatedList.articles.map((a) => a.slug)).toEqual(CARD_TOP_STORIES.home);
    expect(data.articles.edges).toHaveLength(10);
    expect(exchanges(requests)).toEqual([{ method: 'GET', status: 200 }]);
    expect(new URL(requests[0]!.url).searchParams.has('query')).toBe(false);
  });

  it('runs ArticlePageDeferred (@defer with labels) by its id: one GET, every deferred part merged', async () => {
    const { urql, requests } = client(true);
    const result = await urql.query(gql(operationText('article-page-deferred.graphql')), { slug: SEED_SLUG, language: 'en' }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.hasNext).toBe(false);
    const article = (result.data as { article: { slug: string; related: unknown[]; people: Array<{ name: string; events: { nodes: unknown[] } }> } }).article;
    expect(article.slug).toBe(SEED_SLUG);
    expect(Array.isArray(article.related)).toBe(true);
    expect(article.people.map((p) => p.name)).toEqual(['Vladimir Putin', 'Kim Jong Un']);
    expect(article.people.every((p) => p.events.nodes.length > 0)).toBe(true);
    expect(exchanges(requests)).toEqual([{ method: 'GET', status: 200 }]);
    expect(new URL(requests[0]!.url).searchParams.has('query')).toBe(false);
  });

  it('misses the manifest with urql\'s default hash: why the set-up differs', async () => {
    const { urql, requests } = client(false);
    const result = await urql.query(gql(operationText('home.graphql')), { first: 10 }).toPromise();
    expect(result.data).toBeUndefined();
    expect(result.error?.graphQLErrors.map((e) => e.extensions.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(result.error?.graphQLErrors[0]?.message).toMatch(/not registered/);
    // urql retries with the query text only on the message `PersistedQueryNotFound` (automatic
    // persisted queries); this answer says the operation is not registered, so it stops there.
    expect(exchanges(requests).map((r) => r.method)).toEqual(['GET']);
  });
});
