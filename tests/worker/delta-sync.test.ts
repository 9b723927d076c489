import { beforeAll, describe, expect, it } from 'vitest';
import type { TextSourceFile as SourceFile } from '../../tools/data/read-data-set';
import seedArticle from '../../data/articles/putin-to-visit-north-korea-next-week.json';
import { toGlobalId } from '../../src/model/global-id';
import { freshWorker } from './helpers';
import { buildAndPublish, seedFiles } from './publish-data';
import { SEED_SLUG } from '../../tools/fixtures/screens';

/**
 * Delta sync through real publishes (tools/publish/publish.ts logs each version's changes from
 * its parent in the sync log, src/model/sync-log.ts): the seed article re-published with a new
 * headline, one article removed, one added, one left alone.
 */
const story = (slug: string, headline = `Story ${slug}`): SourceFile => ({
  path: `articles/${slug}.json`,
  text: JSON.stringify({ slug, language: 'en', headline, datePublished: '2024-06-20', source: 'Written for this test.', paragraphs: ['Text.'], about: ['moscow'] }),
});
const seedWith = (headline: string): SourceFile[] =>
  seedFiles().map((f) => (f.path.startsWith('articles/') ? { ...f, text: JSON.stringify({ ...seedArticle, headline }) } : f));

const CHANGES = /* GraphQL */ `
  query ($since: ID!, $first: Int, $after: String) {
    changes(since: $since, first: $first, after: $after) {
      totalCount version
      edges { cursor node { id nodeId type kind } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
const versions: string[] = [];
const publishAndRecord = async (files: SourceFile[]) => versions.push((await buildAndPublish(files)).version);

beforeAll(async () => {
  await publishAndRecord([...seedFiles(), story('story-a'), story('story-b')]);
  await publishAndRecord([...seedWith('नया शीर्षक'), story('story-b'), story('story-c')]);
}, 60_000);

describe('changes(since:)', () => {
  it('lists what changed, sorted by id: the re-published seed UPSERTED, one REMOVED, one added', async () => {
    const r = await freshWorker()(CHANGES, { since: versions[0] });
    expect(r.body.errors).toBeUndefined();
    const changes = r.body.data?.changes;
    expect(changes.version).toBe(versions[1]);
    expect(changes.totalCount).toBe(3);
    expect(changes.edges.map((e: { node: { nodeId: string } }) => ({ ...e.node, id: undefined }))).toEqual([
      { id: undefined, nodeId: toGlobalId('Article', SEED_SLUG), type: 'Article', kind: 'UPSERTED' },
      { id: undefined, nodeId: toGlobalId('Article', 'story-a'), type: 'Article', kind: 'REMOVED' },
      { id: undefined, nodeId: toGlobalId('Article', 'story-c'), type: 'Article', kind: 'UPSERTED' },
    ]);
  });

  it('gives each change an id of its own, never a node\'s, stable for the version it leads to', async () => {
    const ids = (r: { body: { data?: any } }) => r.body.data!.changes.edges.map((e: { node: { id: string; nodeId: string } }) => e.node);
    const first = ids(await freshWorker()(CHANGES, { since: versions[0] }));
    const again = ids(await freshWorker()(CHANGES, { since: versions[0] }));
    expect(again).toEqual(first);
    const own = new Set(first.map((c: { id: string }) => c.id));
    expect(own.size).toBe(first.length);
    for (const c of first as Array<{ id: string; nodeId: string }>) expect(own.has(c.nodeId)).toBe(false);
    // The id a client would look the article up by is the node's, and it fetches the article, not a change.
    const node = await freshWorker()('query ($id: ID!) { node(id: $id) { __typename } }', { id: first[0].nodeId });
    expect(node.body.data).toEqual({ node: { __typename: 'Article' } });
  });

  it('costs two round trips cold (the places of both versions, then the one step) and none warm; the nodes one more', async () => {
    const query = freshWorker();
    const cold = await query(CHANGES, { since: versions[0] });
    expect(cold.kv).toMatchObject({ versionReads: 1, roundTrips: 2, keys: 3 });
    const warm = await query(CHANGES, { since: versions[0] });
    expect(warm.kv).toMatchObject({ versionReads: 0, roundTrips: 0, keys: 0 });
    const withNodes = await freshWorker()(
      `query ($since: ID!) { changes(since: $since) { nodes { kind node { ... on Article { headline } } } } }`,
      { since: versions[0] },
    );
    expect(withNodes.kv).toMatchObject({ versionReads: 1, roundTrips: 3 });
    expect(withNodes.body.data?.changes.nodes).toContainEqual({ kind: 'UPSERTED', node: { headline: 'नया शीर्षक' } });
    expect(withNodes.body.data?.changes.nodes).toContainEqual({ kind: 'REMOVED', node: null });
  });

  it('pages with cursors, and answers nothing to change for the current version', async () => {
    const query = freshWorker();
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: any = (await query(CHANGES, { since: versions[0], first: 1, after })).body.data?.changes;
      seen.push(...page.edges.map((e: { node: { nodeId: string } }) => e.node.nodeId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const all = (await query(CHANGES, { since: versions[0] })).body.data?.changes.edges.map((e: { node: { nodeId: string } }) => e.node.nodeId);
    expect(seen).toEqual(all);
    const none = await query(CHANGES, { since: versions[1] });
    expect(none.body.data?.changes).toMatchObject({ totalCount: 0, version: versions[1], edges: [] });
  });

  it('answers SYNC_VERSION_TOO_OLD for a version the log never held, and BAD_USER_INPUT for one that is no version id', async () => {
    const unknown = await freshWorker()(CHANGES, { since: 'abcdef123456' });
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'SYNC_VERSION_TOO_OLD', argument: 'since' });
    expect(unknown.body.errors?.[0]?.path).toEqual(['changes']);
    const forged = await freshWorker()(CHANGES, { since: 'v:x:a:y' });
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'since' });

  });

  it('syncs from a version no longer kept as data: two more publishes, and the first still answers', async () => {
    await publishAndRecord([...seedWith('तीसरा'), story('story-b'), story('story-c')]);
    await publishAndRecord([...seedWith('चौथा'), story('story-c'), story('story-d')]);
    const away = await freshWorker()(CHANGES, { since: versions[0] });
    expect(away.body.errors).toBeUndefined();
    expect(away.body.data?.changes.version).toBe(versions[3]);
    // story-a removed, story-b added then removed, the seed corrected twice, c and d added.
    expect(away.body.data?.changes.edges.map((e: { node: { nodeId: string; kind: string } }) => [e.node.nodeId, e.node.kind])).toEqual([
      [toGlobalId('Article', SEED_SLUG), 'UPSERTED'],
      [toGlobalId('Article', 'story-a'), 'REMOVED'],
      [toGlobalId('Article', 'story-b'), 'REMOVED'],
      [toGlobalId('Article', 'story-c'), 'UPSERTED'],
      [toGlobalId('Article', 'story-d'), 'UPSERTED'],
    ]);
    const kept = await freshWorker()(CHANGES, { since: versions[1] });
    expect(kept.body.data?.changes.version).toBe(versions[3]);
    expect(kept.body.data?.changes.edges.map((e: { node: { nodeId: string; kind: string } }) => [e.node.nodeId, e.node.kind])).toEqual([
      [toGlobalId('Article', SEED_SLUG), 'UPSERTED'],
      [toGlobalId('Article', 'story-b'), 'REMOVED'],
      [toGlobalId('Article', 'story-d'), 'UPSERTED'],
    ]);
  }, 60_000);
});
