import { ClientError, GraphQLClient } from 'graphql-request';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { NotPersistedError, persistedFetch, type PersistedQueryManifest } from '../../examples/graphql-request/persisted-fetch';
import { CARD_TOP_STORIES } from '../../tools/fixtures/card-corpus';
import { operationText } from './apollo-paging';
import { exchanges, recordingFetch } from './recording-fetch';

/**
 * graphql-request 7 with the wrapper docs/clients.md gives (examples/graphql-request/): the
 * shipped operation files as the app imports them, sent as manifest ids over GET and POST to
 * `wrangler dev` with wrangler.toml's vars (persisted operations only), over the client corpus.
 * The manifest is the one the server publishes, fetched as an app would.
 */
const { origin } = inject('clientServer');
let manifest: PersistedQueryManifest;
beforeAll(async () => {
  manifest = (await (await fetch(`${origin}/persisted-query-manifest.json`)).json()) as PersistedQueryManifest;
});

interface Home {
  curatedList: { key: string; articles: Array<{ slug: string }> };
  sections: Array<{ key: string; articleCount: number }>;
  articles: { edges: Array<{ cursor: string; node: { slug: string } }> };
}

describe('graphql-request with the persisted fetch (production vars)', () => {
  it('sends Home as its id over GET: one request, no query text, 200', async () => {
    const { fetch: recorder, requests } = recordingFetch();
    const client = new GraphQLClient(`${origin}/graphql`, { method: 'GET', fetch: persistedFetch(manifest, recorder) });
    const home = await client.request<Home>(operationText('home.graphql'), { first: 10 });
    expect(home.curatedList.articles.map((a) => a.slug)).toEqual(CARD_TOP_STORIES.home);
    expect(home.sections.map((s) => s.key)).toEqual(['world', 'खेल']);
    expect(home.articles.edges).toHaveLength(10);
    expect(exchanges(requests)).toEqual([{ method: 'GET', status: 200 }]);
    const url = new URL(requests[0]!.url);
    expect(url.searchParams.has('query')).toBe(false);
    expect(JSON.parse(url.searchParams.get('extensions')!)).toEqual({ persistedQuery: { version: 1, sha256Hash: manifest.operations.find((o) => o.name === 'Home')!.id } });
  });

  it('sends SectionPage as its id over POST and pages it by cursor', async () => {
    const { fetch: recorder, requests } = recordingFetch();
    const client = new GraphQLClient(`${origin}/graphql`, { fetch: persistedFetch(manifest, recorder) });
    type Page = { section: { articleCount: number; articles: { pageInfo: { endCursor: string }; edges: Array<{ node: { slug: string; section: string } }> } } };
    const one = await client.request<Page>(operationText('section-page.graphql'), { key: 'World', first: 10 });
    const two = await client.request<Page>(operationText('section-page.graphql'), { key: 'World', first: 10, after: one.section.articles.pageInfo.endCursor });
    const slugs = [...one.section.articles.edges, ...two.section.articles.edges].map((e) => e.node.slug);
    expect(slugs).toHaveLength(one.section.articleCount);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set([...one.section.articles.edges, ...two.section.articles.edges].map((e) => e.node.section))).toEqual(new Set(['World']));
    expect(exchanges(requests)).toEqual([{ method: 'POST', status: 200 }, { method: 'POST', status: 200 }]);
  });

  it('refuses, before sending, an operation that is not the shipped one', async () => {
    const { fetch: recorder, requests } = recordingFetch();
    const client = new GraphQLClient(`${origin}/graphql`, { fetch: persistedFetch(manifest, recorder) });
    const edited = operationText('home.graphql').replace(/\s+summary\n/, '\n');
    await expect(client.request(edited)).rejects.toThrow(NotPersistedError);
    await expect(client.request('query Mine { dataVersion { id } }')).rejects.toThrow('Mine is not in the API\'s persisted-query manifest');
    expect(requests).toEqual([]);
  });

  it('without the wrapper is refused in production (PERSISTED_QUERY_ONLY): what the wrapper is for', async () => {
    const client = new GraphQLClient(`${origin}/graphql`);
    const error = await client.request(operationText('home.graphql')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).response.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
  });
});
