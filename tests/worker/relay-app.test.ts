import { beforeAll, describe, expect, it } from 'vitest';
import { Environment, fetchQuery, Network, RecordSource, Store, type RequestParameters, type Variables } from 'relay-runtime';
import { generateCorpus } from '../../tools/fixtures/corpus';
import { toGlobalId } from '../../src/model/global-id';
import ArticleScreen from '../relay-app/src/__generated__/RelayArticleScreenQuery.graphql';
import PersonArticlesPagination from '../relay-app/src/__generated__/RelayPersonArticlesPaginationQuery.graphql';
import Sync from '../relay-app/src/__generated__/RelaySyncQuery.graphql';
import seedArticle from '../../data/articles/putin-to-visit-north-korea-next-week.json';
import { deliveryWorker, SEED_HEADLINE, SEED_SLUG } from './delivery-helpers';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * A Relay app against the worker in production mode (persisted operations only): its
 * documents were compiled by relay-compiler (tests/relay-app/), whose persisted-query file
 * the build merged into the trusted set; relay-runtime sends `doc_id` and no query text,
 * normalizes the answers and merges the pages of a @connection, as a shipped app would.
 */
const PRODUCTION = { ALLOW_ARBITRARY_QUERIES: 'false', ENVIRONMENT: 'production' } as const;
const sent: Array<Record<string, unknown>> = [];

/** `perRequest`: each request from an isolate of its own, so none answers from a version it kept. */
function relayEnvironment(perRequest = false): Environment {
  const shared = deliveryWorker(PRODUCTION);
  const network = Network.create(async (params: RequestParameters, variables: Variables) => {
    const body = { doc_id: params.id, variables };
    sent.push(body);
    const send = perRequest ? deliveryWorker(PRODUCTION) : shared;
    const response = await send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify(body),
    });
    return response.json();
  });
  return new Environment({ network, store: new Store(new RecordSource()) });
}

let firstVersion = '';
beforeAll(async () => {
  firstVersion = (await buildAndPublish([...seedFiles(), ...generateCorpus(30)])).version;
}, 60_000);

describe('a Relay app, persisted ids, production mode', () => {
  it('runs the screen query and pages a @connection through its generated refetch query', async () => {
    const environment = relayEnvironment();
    const screen = (await fetchQuery(environment, ArticleScreen, { slug: SEED_SLUG }).toPromise()) as {
      article: { id: string; headline: string; people: Array<{ id: string }>; mentions: Array<{ entity: { name: string } }> };
    };
    expect(screen.article.headline).toBe(SEED_HEADLINE);
    expect(screen.article.mentions.map((m) => m.entity.name)).toContain('व्लादिमीर पुतिन');
    const putin = toGlobalId('Person', 'vladimir-putin');
    expect(screen.article.people.map((p) => p.id)).toContain(putin);

    // The connection as the store holds it after the screen query: one edge (count: 1).
    const source = environment.getStore().getSource();
    const connectionOf = () => {
      const key = source.getRecordIDs().find((id) => id.startsWith(`client:${putin}:__RelayPersonArticles_articles_connection`));
      const connection = source.get(key!)!;
      const edges = (connection.edges as { __refs: string[] }).__refs.map((ref) => source.get(ref)!);
      const pageInfo = source.get((connection.pageInfo as { __ref: string }).__ref)!;
      return { nodes: edges.map((e) => (e.node as { __ref: string }).__ref), pageInfo };
    };
    expect(connectionOf().nodes).toHaveLength(1);

    // "Load more" three times, as usePaginationFragment does: the refetch query by node(id:).
    for (let page = 2; page <= 4; page++) {
      const { pageInfo } = connectionOf();
      await fetchQuery(environment, PersonArticlesPagination, { id: putin, count: 1, cursor: pageInfo.endCursor as string }).toPromise();
    }
    // Relay appended each page to the connection: four distinct articles.
    const { nodes } = connectionOf();
    expect(nodes).toHaveLength(4);
    expect(new Set(nodes).size).toBe(4);

    // Only ids crossed the wire, never query text.
    expect(sent.length).toBe(4);
    for (const body of sent) {
      expect(Object.keys(body).sort()).toEqual(['doc_id', 'variables']);
      expect(body.doc_id).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('syncs changes into the store without writing a Change over the Article it names', async () => {
    const environment = relayEnvironment(true);
    await fetchQuery(environment, ArticleScreen, { slug: SEED_SLUG }).toPromise();
    const article = toGlobalId('Article', SEED_SLUG);
    const source = environment.getStore().getSource();
    expect(source.get(article)).toMatchObject({ __typename: 'Article', headline: SEED_HEADLINE });

    // The newsroom corrects the headline; the app syncs from the version it had.
    const headline = 'संशोधित शीर्षक';
    const files = seedFiles().map((f) => (f.path.startsWith('articles/') ? { ...f, text: JSON.stringify({ ...seedArticle, headline }) } : f));
    const next = (await buildAndPublish([...files, ...generateCorpus(30)])).version;
    const synced = (await fetchQuery(environment, Sync, { since: firstVersion }).toPromise()) as {
      changes: { version: string; nodes: Array<{ id: string; nodeId: string; kind: string }> };
      dataVersion: { id: string };
    };
    expect(synced.changes.version).toBe(next);
    expect(synced.changes.nodes.map((c) => [c.nodeId, c.kind])).toEqual([[article, 'UPSERTED']]);
    // The Article record stays an Article, now with the new headline; the change is a record of its own.
    expect(source.get(article)).toMatchObject({ __typename: 'Article', headline });
    expect(source.get(synced.changes.nodes[0]!.id)).toMatchObject({ __typename: 'Change', kind: 'UPSERTED' });
  });
});
