import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../tools/fixtures/corpus';
import type { SourceFile } from '../../tools/build/read-data-set';
import seedArticle from '../../data/articles/putin-to-visit-north-korea-next-week.json';
import people from '../../data/entities/people.json';
import events from '../../data/entities/events.json';
import places from '../../data/entities/places.json';
import organizations from '../../data/entities/organizations.json';
import { buildAndSeedKv, freshWorker } from './helpers';

/**
 * Lists that span several KV chunks: the real build step, run here inside workerd on the seed
 * data plus 250 generated articles, written to this file's local KV.
 */
const N = 250;
let expected: Array<{ slug: string; datePublished: string }> = [];

beforeAll(async () => {
  const files: SourceFile[] = [
    { path: `articles/${seedArticle.slug}.json`, text: JSON.stringify(seedArticle) },
    { path: 'entities/people.json', text: JSON.stringify(people) },
    { path: 'entities/events.json', text: JSON.stringify(events) },
    { path: 'entities/places.json', text: JSON.stringify(places) },
    { path: 'entities/organizations.json', text: JSON.stringify(organizations) },
    ...generateCorpus(N),
  ];
  await buildAndSeedKv(files, '2026-01-01T00:00:00Z');
  expected = files
    .filter((f) => f.path.startsWith('articles/'))
    .map((f) => JSON.parse(f.text) as { slug: string; datePublished: string })
    .sort((a, b) => b.datePublished.localeCompare(a.datePublished) || a.slug.localeCompare(b.slug));
});

const PAGE = /* GraphQL */ `
  query ($first: Int, $after: String, $last: Int, $before: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {
    articles(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes { slug datePublished }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

interface Page {
  totalCount: number;
  nodes: Array<{ slug: string; datePublished: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

describe(`articles across list chunks (${N + 1} articles, chunks of 100)`, () => {
  it('pages forwards and backwards through every article once, newest first', async () => {
    const query = freshWorker();
    const forward: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Page = (await query<{ articles: Page }>(PAGE, { first: 70, after })).body.data!.articles;
      forward.push(...page.nodes.map((n) => n.slug));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(expected.map((a) => a.slug));

    const backward: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Page = (await query<{ articles: Page }>(PAGE, { last: 90, before })).body.data!.articles;
      backward.unshift(...page.nodes.map((n) => n.slug));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
  });

  it('finds a date range by the list head, with exact totals, in either order', async () => {
    const query = freshWorker();
    const from = '2018-01-01';
    const to = '2019-12-31';
    const inRange = expected.filter((a) => a.datePublished >= from && a.datePublished <= to);
    expect(inRange.length).toBeGreaterThan(20);
    const desc = await query(PAGE, { first: 100, filter: { publishedFrom: from, publishedTo: to } });
    expect(desc.body.data?.articles.totalCount).toBe(inRange.length);
    expect(desc.body.data?.articles.nodes.map((n: { slug: string }) => n.slug)).toEqual(inRange.map((a) => a.slug));
    const asc = await query(PAGE, { first: 5, filter: { publishedFrom: from, publishedTo: to }, orderBy: { direction: 'ASC' } });
    expect(asc.body.data?.articles.nodes.map((n: { slug: string }) => n.slug)).toEqual(
      inRange.slice(-5).reverse().map((a) => a.slug),
    );
  });

  it('reads a page that straddles two chunks in one round trip with the list head', async () => {
    const query = freshWorker();
    const first = await query(PAGE, { first: 95 });
    const r = await query(PAGE, { first: 10, after: first.body.data?.articles.pageInfo.endCursor });
    expect(r.body.data?.articles.nodes.map((n: { slug: string }) => n.slug)).toEqual(
      expected.slice(95, 105).map((a) => a.slug),
    );
    // Chunk 0 and the head are cached from the first page; chunk 1 is the one new read.
    expect(r.kv).toMatchObject({ roundTrips: 1, keys: 1 });
    const cold = await freshWorker()(PAGE, { first: 10, after: first.body.data?.articles.pageInfo.endCursor });
    expect(cold.kv).toMatchObject({ versionReads: 1, roundTrips: 1, keys: 3 });
  });
});
