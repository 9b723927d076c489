import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import articlePage from '../../operations/article-page.graphql?raw';
import eventPage from '../../operations/event-page.graphql?raw';
import latestArticles from '../../operations/latest-articles.graphql?raw';
import organizationPage from '../../operations/organization-page.graphql?raw';
import personPage from '../../operations/person-page.graphql?raw';
import placePage from '../../operations/place-page.graphql?raw';
import type { ArticleCard, ArticleDoc, ListHead, VersionPointer } from '../../src/model/documents';
import { POINTER_KEY } from '../../src/model/keys';
import { linkedTypes } from '../../src/model/entity-kinds';
import { indexApart } from '../../src/model/list-layout';
import { articleListsOf } from '../../tools/compile/article-lists';
import { fromKvNamespace } from '../../tools/publish/kv-writer';
import { rollback } from '../../tools/publish/publish';
import { readResolved } from '../../tools/delta/resolve-keys';
import { generateArticle, generateCorpus } from '../../tools/fixtures/corpus';
import type { TextSourceFile } from '../../tools/data/read-data-set';
import { freshWorker } from './helpers';
import { publishIncrementally } from './incremental-publish';
import { buildAndPublish, seedFiles } from './publish-data';

const N = 150;
const PAGES = { Person: personPage, Event: eventPage, Place: placePage, Organization: organizationPage } as const;
const entityFiles = () => seedFiles().filter((f) => f.path.startsWith('entities/'));
const v1 = [...seedFiles(), ...generateCorpus(N)];
let parent = '';


/** A key as stored under `version` itself; a tombstone ('') or no key reads as null. */
const read = async <T>(version: string, logical: string): Promise<T | null> => {
  const text = await env.NEWS.get(`v:${version}:${logical}`);
  return text ? (JSON.parse(text) as T) : null;
};

/** What the app asks after a publish touching `slug`: the feed, its page, its entities' pages, delta sync. */
async function answers(slug: string, card: ArticleCard): Promise<string[]> {
  const query = freshWorker();
  const asked = [
    query(latestArticles, { first: 20 }),
    query(latestArticles, { first: 20, language: card.language }),
    query(articlePage, { slug }),
    ...[...linkedTypes(card)].map(([entity, type]) => query(PAGES[type], { slug: entity })),
    query(`query ($since: String!) { changes(since: $since) { totalCount nodes { kind node { id } } } }`, { since: parent }),
    // Type-ahead ranks by article count: the count table a publish writes (s:gc) must read as a full build's buckets.
    ...['पु', 'kim', 'mo'].map((prefix) => query(`query ($p: String!) { suggest(prefix: $p, first: 20) { __typename ... on Person { slug } ... on Place { slug } ... on Organization { slug } ... on Event { slug } } }`, { p: prefix })),
  ];
  // Search through the delta segments: the same matches and total as a full build (scores are
  // checked equal in tools/delta/search-delta.test.ts, where both use the base's mean lengths).
  const searched = [card.headline, 'पुतिन', 'putin kim', '"उत्तर कोरिया"'].map(async (q) => {
    const { body } = await query(`query ($q: String!) { search(query: $q, first: 50) { totalCount edges { node { slug } } } }`, { q });
    const found = (body as { data: { search: { totalCount: number; edges: Array<{ node: { slug: string } }> } } }).data.search;
    return JSON.stringify([q, found.totalCount, found.totalCount <= 50 ? found.edges.map((e) => e.node.slug).sort() : found.edges.length]);
  });
  return [...(await Promise.all(asked)).map((r) => JSON.stringify(r.body)), ...(await Promise.all(searched))];
}

/**
 * What the publish must do to `card`'s lists (src/model/list-layout.ts): write each head, the
 * leaf the card lands in, a long list's index; a removal from leaf 0 tops it up from leaf 1
 * (the last leaf here: N keeps every list under three leaves), which goes when emptied.
 */
async function listKeys(card: ArticleCard, added: number): Promise<{ keys: number; deleted: string[] }> {
  let keys = 0;
  const deleted: string[] = [];
  for (const list of articleListsOf(card)) {
    const head = await read<ListHead>(parent, `h:${list}`);
    const total = (head?.total ?? 0) + added;
    keys += 2 + (indexApart(total) || indexApart(head?.total ?? 0) ? 1 : 0);
    const first = await read<{ items: ArticleCard[] }>(parent, `l:${list}:0`);
    if (added < 0 && first?.items.some((i) => i.slug === card.slug) && head!.leaves!.length > 1) {
      if (head!.leaves![1]![1] > 1) keys += 1;
      else deleted.push(`l:${list}:${head!.leaves![1]![0]}`);
    }
  }
  return { keys, deleted };
}

/** Related lists of the parent version that carry `slug`'s card (ground truth, by scanning them all). */
async function carrying(slug: string): Promise<number> {
  const keys = (await env.NEWS.list({ prefix: `v:${parent}:r:` })).keys.map((k) => k.name);
  const lists = await Promise.all(keys.map(async (k) => JSON.parse((await env.NEWS.get(k))!) as ArticleCard[]));
  return lists.filter((l) => l.some((c) => c.slug === slug)).length;
}

/**
 * Publishes `changed` (and `withdrawn`) incrementally on the full build of `base`, checks the
 * keys written against `counts`, then publishes the same data in full and compares the answers.
 */
async function publishOne(
  base: TextSourceFile[],
  changed: TextSourceFile[],
  withdrawn: string[],
  counts: (doc: ArticleDoc) => Promise<{ keys: number; deleted: string[] }>,
) {
  // Every case starts from the same full build, still kept: the pointer goes back to it.
  await rollback(fromKvNamespace(env.NEWS), parent);
  const slug = withdrawn[0] ?? (JSON.parse(changed[0]!.text) as { slug: string }).slug;
  const old = await read<ArticleDoc>(parent, `a:${slug}`);
  const { delta, published } = await publishIncrementally([...entityFiles(), ...changed], withdrawn, '2026-01-02T00:00:00Z');
  const written = delta.entries.find((e) => e.key.endsWith(`:a:${slug}`));
  const card = written ? (JSON.parse(written.value) as ArticleDoc) : old!;
  const want = await counts(card);
  // Search keys are the search half's (tools/delta/search-delta.ts, tested there); the rest is counted here.
  const search = (k: string) => k.startsWith(`v:${delta.pointer.version}:s:`) || k.startsWith('s:');
  expect(delta.entries.filter((e) => !search(e.key)).length).toBe(want.keys);
  expect(delta.deleted.filter((k) => !search(k))).toEqual(want.deleted);
  // The search half writes one small segment (its own few shards, not a key per base shard its
  // terms fall in) and the type-ahead count table, never the type-ahead buckets.
  const kinds = delta.entries.filter((e) => search(e.key)).map((e) => e.key.split(':').slice(2, 4).join(':'));
  const shards = withdrawn.length > 0 ? 0 : delta.pointer.search!.tail!.at(-1)![1];
  expect(kinds.filter((k) => k === 's:p').length).toBeLessThanOrEqual(shards);
  expect(shards).toBeLessThanOrEqual(16);
  expect(kinds.filter((k) => k === 's:g')).toEqual([]);
  expect(kinds.length - kinds.filter((k) => k === 's:p').length).toBeLessThanOrEqual(6);
  // What publishDelta adds: a tombstone per deleted key, the generation manifest, the sync log's step, place and
  // the runs the step completes (tools/publish/sync-writer.ts). Less the keys it named with the value readers
  // already saw (a list head a correction leaves as it was).
  expect(published.syncKeys).toBeGreaterThanOrEqual(2);
  expect(published.syncKeys).toBeLessThanOrEqual(4);
  expect(published.keysWritten).toBe(delta.entries.length - published.unchangedKeys + delta.deleted.length + 1 + published.syncKeys);
  // Read as readers of the new version see it: a key the delta left as it was is the parent's.
  const resolved = await readResolved(fromKvNamespace(env.NEWS), JSON.parse((await env.NEWS.get(POINTER_KEY))!) as VersionPointer, [`r:${slug}`]);
  const related = resolved.get(`r:${slug}`)?.value;
  const incremental = { answers: await answers(slug, card), related: related ? JSON.parse(related) : null };

  const next = [...base.filter((f) => !changed.some((c) => c.path === f.path) && !withdrawn.some((w) => f.path === `articles/${w}.json`)), ...changed];
  const full = await buildAndPublish(next, '2026-01-02T00:00:00Z');
  expect(incremental.answers).toEqual(await answers(slug, card));
  // The changed article's own related stories are what a full build computes.
  expect(incremental.related).toEqual(await read(full.version, `r:${slug}`));
}

beforeAll(async () => {
  parent = (await buildAndPublish(v1, '2026-01-01T00:00:00Z')).version;
}, 120_000);

describe('publishing one article incrementally', () => {
  // Each publish writes: the article, its lists' heads and leaves (listKeys), its related
  // stories, the related lists that carry its old card (carrying).
  it('adds one, and the new version answers as a full build of the same data', async () => {
    await publishOne(v1, [generateArticle(N + 1)], [], async (doc) => ({ keys: 1 + (await listKeys(doc, 1)).keys + 1, deleted: [] }));
  }, 120_000);

  it("corrects one article's text", async () => {
    const fixed = JSON.parse(v1.find((f) => f.path === 'articles/generated-000007.json')!.text) as { paragraphs: string[] };
    fixed.paragraphs = [...fixed.paragraphs.slice(1), 'A correction: one more sentence.'];
    const corrected = { path: 'articles/generated-000007.json', text: JSON.stringify(fixed) };
    await publishOne(v1, [corrected], [], async (doc) => ({
      keys: 1 + (await listKeys(doc, 0)).keys + 1 + (await carrying(doc.slug)),
      deleted: [],
    }));
  }, 120_000);

  it('withdraws one', async () => {
    await publishOne(v1, [], ['generated-000011'], async (doc) => {
      const lists = await listKeys(doc, -1);
      return { keys: lists.keys + (await carrying(doc.slug)), deleted: ['a:generated-000011', ...lists.deleted, 'r:generated-000011'].sort() };
    });
  }, 120_000);

  it('folds a chain at its bound into level 1, not a new base: keys written in proportion to the chain, answers as a full build before and after one more publish', async () => {
    const kv = fromKvNamespace(env.NEWS);
    await rollback(kv, parent);
    const corpusKeys = (await kv.list(`v:${parent}:`)).length;
    const added = generateArticle(N + 2);
    const fixed = JSON.parse(v1.find((f) => f.path === 'articles/generated-000009.json')!.text) as { paragraphs: string[] };
    fixed.paragraphs = [...fixed.paragraphs.slice(1), 'A correction: one more sentence.'];
    const corrected = { path: 'articles/generated-000009.json', text: JSON.stringify(fixed) };
    const first = await publishIncrementally([...entityFiles(), added], [], '2026-01-03T00:00:00Z');
    // The second publish passes a one-generation bound: the chain folds.
    const { delta, published } = await publishIncrementally([...entityFiles(), corrected], [], '2026-01-03T01:00:00Z', { maxGenerations: 1 });
    expect(published).toMatchObject({ folded: true, compacted: false });
    // Written: the delta's own keys, its manifest, the sync log's, and the one level-1 index.
    expect(published.keysWritten).toBe(delta.entries.length - published.unchangedKeys + delta.deleted.length + 1 + published.syncKeys + 1);
    const chainKeys = first.published.keysWritten + published.keysWritten;
    expect(published.keysWritten).toBeLessThan(chainKeys);
    expect(chainKeys * 4).toBeLessThan(corpusKeys);
    const folded = JSON.parse((await env.NEWS.get(POINTER_KEY))!) as VersionPointer;
    expect(folded).toMatchObject({ base: parent, level1: { version: folded.version, generations: 2 } });
    const card = (slug: string) => readResolved(kv, folded, [`a:${slug}`]).then((r) => JSON.parse(r.get(`a:${slug}`)!.value) as ArticleDoc);
    const afterFold = await answers('generated-000009', await card('generated-000009'));
    const files = [...v1.filter((f) => f.path !== corrected.path), corrected, added];
    await buildAndPublish(files, '2026-01-03T01:00:00Z');
    expect(afterFold).toEqual(await answers('generated-000009', await card('generated-000009')));

    // Back on the folded version (rollback checks level 1), one more publish chains on top of it.
    await rollback(kv, folded.version);
    await publishIncrementally(entityFiles(), ['generated-000011'], '2026-01-03T02:00:00Z');
    const onTop = JSON.parse((await env.NEWS.get(POINTER_KEY))!) as VersionPointer;
    expect(onTop.chain).toHaveLength(1);
    expect(onTop.level1).toEqual(folded.level1);
    const withdrawnCard = await read<ArticleDoc>(parent, 'a:generated-000011');
    const onLevelOne = await answers('generated-000011', withdrawnCard!);
    await buildAndPublish(files.filter((f) => f.path !== 'articles/generated-000011.json'), '2026-01-03T02:00:00Z');
    expect(onLevelOne).toEqual(await answers('generated-000011', withdrawnCard!));
  }, 240_000);
});
