import { rmSync } from 'node:fs';
import { fetchQuery } from 'relay-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seedArticle from '../../data/articles/putin-to-visit-north-korea-next-week.json';
import { toGlobalId } from '../../src/model/global-id';
import ArticleScreen from '../relay-app/src/__generated__/RelayArticleScreenQuery.graphql';
import Sync from '../relay-app/src/__generated__/RelaySyncQuery.graphql';
import { persistedGetUrl } from '../shared/delivery-checks';
import { publishBeside, ROOT, seededState } from './publish-beside';
import { relayEnvironment } from './relay-environment';
import { startWranglerDev, type DevServer } from './wrangler-dev';

/**
 * The example Relay app's delta sync (tests/relay-app/, `RelaySyncQuery`: `changes(since:)`
 * with each changed node) against the real `wrangler dev` with wrangler.toml's vars, across a
 * publish made beside the running server (as `npm run ingest -- --publish` does). A server of
 * its own, so the publish does not change the data the other end-to-end files read.
 */
let scratch: string;
let server: DevServer;

beforeAll(async () => {
  scratch = seededState('edge-news-relay-sync-');
  // Every request reads the pointer, so the publish is seen at once.
  server = await startWranglerDev({ vars: { VERSION_CHECK_SECONDS: '0' }, stateDir: scratch, root: ROOT });
});

afterAll(async () => {
  await server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The newsroom corrects the seed article's headline: a delta publish of that one story. */
async function publishCorrection(headline: string): Promise<string> {
  return (await publishBeside(scratch, [{ ...seedArticle, headline }], '2026-01-02T10:00:00Z')).version;
}

describe('a Relay app syncs a publish into its store (wrangler dev, production vars)', () => {
  it('updates the Article record in place and keeps each Change as a record of its own', { timeout: 120_000 }, async () => {
    const sent: Array<Record<string, unknown>> = [];
    const environment = relayEnvironment(server.origin, sent);
    await fetchQuery(environment, ArticleScreen, { slug: seedArticle.slug }).toPromise();
    const article = toGlobalId('Article', seedArticle.slug);
    const source = environment.getStore().getSource();
    expect(source.get(article)).toMatchObject({ __typename: 'Article', headline: seedArticle.headline });
    const since = ((await (await fetch(`${server.origin}${persistedGetUrl('DataVersion', {})}`)).json()) as { data: { dataVersion: { id: string } } }).data.dataVersion.id;

    const headline = 'संशोधित शीर्षक: पुतिन अगले हफ़्ते उत्तर कोरिया जाएंगे';
    const next = await publishCorrection(headline);
    const synced = (await fetchQuery(environment, Sync, { since }).toPromise()) as {
      changes: { version: string; nodes: Array<{ id: string; nodeId: string; kind: string }> };
    };
    expect(synced.changes.version).toBe(next);
    expect(synced.changes.nodes.map((c) => [c.nodeId, c.kind])).toEqual([[article, 'UPSERTED']]);
    // Relay keys records by id alone: the change's id is not the article's, so the Article stays an Article.
    expect(synced.changes.nodes[0]!.id).not.toBe(article);
    expect(source.get(article)).toMatchObject({ __typename: 'Article', headline });
    expect(source.get(synced.changes.nodes[0]!.id)).toMatchObject({ __typename: 'Change', kind: 'UPSERTED', nodeId: article });
    // Only relay-compiler's ids crossed the wire, never query text.
    expect(sent.map((body) => Object.keys(body).sort())).toEqual([['doc_id', 'variables'], ['doc_id', 'variables']]);
  });
});
