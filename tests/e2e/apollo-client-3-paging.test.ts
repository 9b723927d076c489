import { ApolloClient, gql, HttpLink, InMemoryCache, type TypePolicies } from '@apollo/client/core';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination } from '@apollo/client/utilities';
import { describe, expect, inject, it, vi } from 'vitest';
import { expectMergedPages, expectPersistedGets, feedInOneRequest, firstData, newsTypePolicies, operationText, sha256, type Feed } from './apollo-paging';
import { recordingFetch } from './recording-fetch';

/**
 * Apollo Client 3 as docs/clients.md sets it up (the persisted-queries link hashing the
 * document Apollo prints, GET for hashed queries, InMemoryCache with the documented type
 * policies), paging the shipped LatestArticles with `fetchMore` against `wrangler dev` with
 * wrangler.toml's vars (persisted operations only), over the client corpus (31 articles).
 */
const { origin } = inject('clientServer');
const LATEST = gql(operationText('latest-articles.graphql'));
const PAGE = 10;

function client(typePolicies?: TypePolicies) {
  const { fetch: recorder, requests } = recordingFetch();
  const link = createPersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(new HttpLink({ uri: `${origin}/graphql`, fetch: recorder }));
  return { requests, apollo: new ApolloClient({ link, cache: new InMemoryCache({ typePolicies }) }) };
}

describe('Apollo Client 3 pages LatestArticles by fetchMore (production vars)', () => {
  it('holds 20 different articles after two pages of 10, in the server\'s order', async () => {
    const { apollo, requests } = client(newsTypePolicies(relayStylePagination));
    const feed = apollo.watchQuery<Feed>({ query: LATEST, variables: { first: PAGE } });
    const one = await firstData<Feed>(feed);
    expect(one.articles.edges).toHaveLength(PAGE);
    await feed.fetchMore({ variables: { after: one.articles.pageInfo.endCursor } });

    const merged = apollo.readQuery<Feed>({ query: LATEST, variables: { first: PAGE } })!;
    // What the screen shows (the watched query) catches up with the cache.
    await vi.waitFor(() => expect(feed.getCurrentResult().data).toEqual(merged));
    expectMergedPages(merged, await feedInOneRequest(origin, 2 * PAGE), apollo.cache.extract() as Record<string, unknown>, PAGE);
    expect(merged.articles.totalCount).toBe(31);
    expectPersistedGets(requests, 2);
  });

  it('without the type policies keeps one page: what the policies are for', async () => {
    const { apollo } = client();
    const feed = apollo.watchQuery<Feed>({ query: LATEST, variables: { first: PAGE } });
    const one = await firstData<Feed>(feed);
    await feed.fetchMore({ variables: { after: one.articles.pageInfo.endCursor } });
    expect(apollo.readQuery<Feed>({ query: LATEST, variables: { first: PAGE } })!.articles.edges).toHaveLength(PAGE);
  });
});
