import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client/core';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { describe, expect, inject, it } from 'vitest';
import { SEED_SLUG } from '../shared/delivery-checks';
import { exchanges, recordingFetch } from './recording-fetch';

/**
 * The real Apollo Client 3 with its defaults (InMemoryCache with addTypename, the
 * persisted-queries link hashing the printed document, GET for hashed queries) against the
 * real `wrangler dev` server, with the operation file as an app would import it. It must hit
 * the manifest (one GET, 200, no retry with the query text) and normalize Article and Person
 * by id. docs/clients.md describes this set-up.
 */
const operation = (file: string) => gql(readFileSync(new URL(`../../operations/${file}`, import.meta.url), 'utf8'));

describe.each(inject('servers'))('Apollo Client 3 against wrangler dev ($name)', ({ origin }) => {
  it('runs ArticlePage by hash over GET and caches Article:<id> and Person:<id>', async () => {
    const { fetch: recorder, requests } = recordingFetch();
    const link = createPersistedQueryLink({
      sha256: (text: string) => createHash('sha256').update(text).digest('hex'),
      useGETForHashedQueries: true,
    }).concat(new HttpLink({ uri: `${origin}/graphql`, fetch: recorder }));
    const client = new ApolloClient({ link, cache: new InMemoryCache() });

    const { data, errors } = await client.query({ query: operation('article-page.graphql'), variables: { slug: SEED_SLUG } });
    expect(errors).toBeUndefined();
    expect(exchanges(requests)).toEqual([{ method: 'GET', status: 200 }]);
    expect(new URL(requests[0]!.url).searchParams.has('query')).toBe(false);

    const cache = client.cache.extract() as Record<string, { __typename?: string }>;
    const article = data.article as { id: string; people: Array<{ id: string }> };
    expect(cache[`Article:${article.id}`]).toMatchObject({ __typename: 'Article', headline: expect.any(String) });
    expect(article.people.length).toBeGreaterThan(0);
    for (const person of article.people) expect(cache[`Person:${person.id}`]).toMatchObject({ __typename: 'Person' });
  });
});
