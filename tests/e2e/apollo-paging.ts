import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { persistedGetUrl } from '../shared/delivery-checks';
import type { Recorded } from './recording-fetch';

/**
 * What the Apollo Client 3 and 4 paging tests share: the type policies docs/clients.md gives
 * (one object, built with each version's own `relayStylePagination`), the feed they page, and
 * the checks on what came over the wire.
 */
export function newsTypePolicies<P>(relayStylePagination: (keyArgs?: string[]) => P) {
  return {
    Query: {
      fields: {
        // One cached list per filter (language, section, ...); `first`/`after` page within it.
        articles: relayStylePagination(['filter', 'orderBy']),
        events: relayStylePagination(['filter', 'orderBy']),
        search: relayStylePagination(['query', 'filter']),
      },
    },
    Section: { keyFields: ['key'], fields: { articles: relayStylePagination() } },
    Subject: { keyFields: ['key'], fields: { articles: relayStylePagination() } },
    Author: { fields: { articles: relayStylePagination() } },
    Person: { fields: { articles: relayStylePagination(), events: relayStylePagination() } },
    Place: { fields: { articles: relayStylePagination(), events: relayStylePagination() } },
    Event: { fields: { articles: relayStylePagination() } },
    Organization: { fields: { articles: relayStylePagination() } },
  };
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The shipped operation file, as an app imports it. */
export const operationText = (file: string) => readFileSync(new URL(`../../operations/${file}`, import.meta.url), 'utf8');

export interface Feed {
  articles: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ cursor: string; node: { id: string; slug: string } }> };
}

/** The first `first` cards of LatestArticles as the server orders them, asked for in one request. */
export async function feedInOneRequest(origin: string, first: number): Promise<string[]> {
  const response = await fetch(`${origin}${persistedGetUrl('LatestArticles', { first })}`, { headers: { accept: 'application/json' } });
  const body = (await response.json()) as { data: Feed };
  return body.data.articles.edges.map((e) => e.node.slug);
}

/** The first result with data of an Apollo ObservableQuery (3 or 4: both emit loading states first). */
export function firstData<T>(observable: { subscribe(o: { next(r: { data?: unknown; loading: boolean }): void; error(e: unknown): void }): unknown }): Promise<T> {
  return new Promise((resolve, reject) => {
    observable.subscribe({
      next: (result) => {
        if (!result.loading && result.data) resolve(result.data as T);
      },
      error: reject,
    });
  });
}

/** Every request was a GET by hash (no query text), answered 200. */
export function expectPersistedGets(requests: Recorded[], count: number): void {
  expect(requests.map(({ method, status }) => ({ method, status }))).toEqual(Array.from({ length: count }, () => ({ method: 'GET', status: 200 })));
  for (const r of requests) {
    const url = new URL(r.url);
    expect(url.searchParams.has('query')).toBe(false);
    expect(JSON.parse(url.searchParams.get('extensions')!).persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
  }
}

/** Two pages of `size` merged in the cache: 2 x size different articles, in the server's order, each normalized. */
export function expectMergedPages(merged: Feed, inOneRequest: string[], cache: Record<string, unknown>, size: number): void {
  const slugs = merged.articles.edges.map((e) => e.node.slug);
  expect(slugs).toHaveLength(2 * size);
  expect(new Set(slugs).size).toBe(2 * size);
  expect(slugs).toEqual(inOneRequest);
  expect(merged.articles.pageInfo.hasNextPage).toBe(true);
  expect(merged.articles.pageInfo.endCursor).toBe(merged.articles.edges.at(-1)!.cursor);
  for (const e of merged.articles.edges) expect(cache[`Article:${e.node.id}`]).toMatchObject({ __typename: 'Article', slug: e.node.slug });
  expect(Object.keys(cache).filter((k) => k.startsWith('Article:'))).toHaveLength(2 * size);
}
