import { describe, expect, inject, it } from 'vitest';
import { fetchQuery, type GraphQLResponse } from 'relay-runtime';
import { toGlobalId } from '../../src/model/global-id';
import { SEED_SLUG } from '../../tools/fixtures/screens';
import ArticleScreen from '../relay-app/src/__generated__/RelayArticleScreenQuery.graphql';
import PersonArticlesPagination from '../relay-app/src/__generated__/RelayPersonArticlesPaginationQuery.graphql';
import { relayEnvironment } from './relay-environment';

/**
 * The example Relay app (tests/relay-app/) against the real `wrangler dev` in production mode
 * (wrangler.toml's vars: persisted operations only): relay-runtime sends the `doc_id`s
 * relay-compiler wrote, which the build merged into the bundled trusted set.
 */
const production = inject('servers').find((s) => s.name === 'production')!;

describe('a Relay app against wrangler dev (production)', () => {
  it('runs its screen query and its generated refetch query by doc_id', async () => {
    const sent: Array<Record<string, unknown>> = [];
    const received: Array<GraphQLResponse & { data?: any; errors?: unknown }> = [];
    const environment = relayEnvironment(production.origin, sent, received);
    const screen = (await fetchQuery(environment, ArticleScreen, { slug: SEED_SLUG }).toPromise()) as {
      article: { headline: string; people: Array<{ id: string }> };
    };
    expect(screen.article.headline).toBeTruthy();
    const putin = toGlobalId('Person', 'vladimir-putin');
    expect(screen.article.people.map((p) => p.id)).toContain(putin);
    const refetched = (await fetchQuery(environment, PersonArticlesPagination, { id: putin, count: 5 }).toPromise()) as { node: object | null };
    expect(refetched.node).not.toBeNull();
    // What the server answered the generated refetch query (node(id:) with the fragment's connection).
    expect(received.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(received[1]!.data.node).toMatchObject({ __typename: 'Person', id: putin, name: 'Vladimir Putin' });
    expect(received[1]!.data.node.articles.edges.map((e: { node: { headline: string } }) => e.node.headline)).toContain(screen.article.headline);
    expect(sent.map((body) => Object.keys(body).sort())).toEqual([['doc_id', 'variables'], ['doc_id', 'variables']]);
  });
});
