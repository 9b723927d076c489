import { beforeAll, describe, expect, it } from 'vitest';
import { generateArticle } from '../../tools/fixtures/corpus';
import type { TextSourceFile as SourceFile } from '../../tools/data/read-data-set';
import { coldQuery } from './helpers';
import { publishIncrementally } from './incremental-publish';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * A live desk's day: stories of one date published at different times, from sources in
 * different time zones, some with a date alone. The feed is newest first by the publication
 * instant (UTC), a date-only story after the timed ones of its day; date filters take the
 * instant's UTC date; cursors page through that order without repeats.
 */
const DAY = [
  ['t-a-early', '2030-03-10T00:10:00Z'],
  ['t-b-late', '2030-03-10T23:50:00Z'],
  ['t-c-ist', '2030-03-10T17:30:00+05:30'],
  ['t-d-no-time', '2030-03-10'],
  ['t-e-seoul-next-day', '2030-03-11T00:30:00+09:00'],
  ['t-f-new-york-evening', '2030-03-09T21:00:00-05:00'],
] as const;
/** The order written out by hand from the UTC instants above, newest first. */
const EXPECTED = ['t-b-late', 't-e-seoul-next-day', 't-c-ist', 't-f-new-york-evening', 't-a-early', 't-d-no-time'];

const withDate = (i: number, slug: string, datePublished: string): SourceFile => {
  const file = JSON.parse(generateArticle(i, 11).text) as Record<string, unknown>;
  return { path: `articles/${slug}.json`, text: JSON.stringify({ ...file, slug, datePublished }) };
};

const FEED = /* GraphQL */ `
  query ($first: Int, $after: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {
    articles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { slug datePublished datePublishedTime } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
interface Feed {
  totalCount: number;
  edges: Array<{ cursor: string; node: { slug: string; datePublished: string; datePublishedTime: string | null } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string };
}
const query = coldQuery;
async function feed(variables: Record<string, unknown>): Promise<Feed> {
  const r = await query<{ articles: Feed }>(FEED, variables);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.articles;
}
const slugs = (f: Feed) => f.edges.map((e) => e.node.slug);

const files = DAY.map(([slug, date], i) => withDate(i + 1, slug, date));
const languageOf = new Map(files.map((f) => [JSON.parse(f.text).slug as string, JSON.parse(f.text).language as string]));

beforeAll(async () => {
  await buildAndPublish([...seedFiles(), ...files]);
}, 60_000);

describe('the latest feed', () => {
  it('is in publication-time order, a date-only story after the timed stories of its day', async () => {
    expect(slugs(await feed({ first: 6 }))).toEqual(EXPECTED);
  });

  it('keeps each story’s own date and time as the source gave them', async () => {
    const node = (await feed({ first: 6 })).edges.find((e) => e.node.slug === 't-e-seoul-next-day')!.node;
    expect(node).toMatchObject({ datePublished: '2030-03-11', datePublishedTime: '2030-03-11T00:30:00+09:00' });
  });

  it('reads oldest first as the exact reverse', async () => {
    const oldest = await feed({ first: 7, orderBy: { field: 'DATE_PUBLISHED', direction: 'ASC' } });
    expect(slugs(oldest).filter((s) => s.startsWith('t-'))).toEqual([...EXPECTED].reverse());
  });

  it('pages through that order with cursors, two at a time, no repeat and no gap', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const page = await feed({ first: 2, after });
      seen.push(...slugs(page));
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(EXPECTED);
  });

  it('filters by the UTC date of the instant (the date itself for a date-only story)', async () => {
    const day = await feed({ first: 10, filter: { publishedFrom: '2030-03-10', publishedTo: '2030-03-10' } });
    // Seoul's 11 March 00:30 is 10 March 15:30 UTC; New York's 9 March 21:00 is 10 March 02:00 UTC.
    expect(slugs(day)).toEqual(EXPECTED);
    expect(day.totalCount).toBe(6);
    expect(slugs(await feed({ first: 10, filter: { publishedFrom: '2030-03-11' } }))).toEqual([]);
    const scan = await feed({ first: 10, filter: { language: 'hi', publishedTo: '2030-03-10', publishedFrom: '2030-03-10' } });
    const hindi = EXPECTED.filter((s) => languageOf.get(s) === 'hi');
    expect(hindi.length).toBeGreaterThan(0);
    expect(slugs(scan)).toEqual(hindi);
  });
});

describe('an incremental publish', () => {
  it('moves a story whose time was corrected and places a new one by its time, in the feed and search', async () => {
    const entities = seedFiles().filter((f) => f.path.startsWith('entities/'));
    const retimed = withDate(1, 't-a-early', '2030-03-10T23:55:00Z');
    const added = withDate(7, 't-g-added', '2030-03-10T12:00:00+05:30');
    await publishIncrementally([...entities, retimed, added], [], '2026-01-02T00:00:00Z');
    const want = ['t-a-early', 't-b-late', 't-e-seoul-next-day', 't-c-ist', 't-g-added', 't-f-new-york-evening', 't-d-no-time'];
    expect(slugs(await feed({ first: 7 }))).toEqual(want);
    // Search's date filter agrees with the feed's: the same UTC dates, through the delta's date runs.
    const headline = (JSON.parse(added.text) as { headline: string }).headline;
    const r = await query<{ search: { nodes: Array<{ slug: string }> } }>(
      'query ($q: String!, $f: SearchFilter) { search(query: $q, filter: $f, first: 50) { nodes { slug } } }',
      { q: headline, f: { publishedFrom: '2030-03-10', publishedTo: '2030-03-10' } },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.search.nodes.map((n) => n.slug)).toContain('t-g-added');
    const later = await query<{ search: { nodes: Array<{ slug: string }> } }>(
      'query ($q: String!, $f: SearchFilter) { search(query: $q, filter: $f, first: 50) { nodes { slug } } }',
      { q: headline, f: { publishedFrom: '2030-03-11' } },
    );
    expect(later.body.data!.search.nodes).toEqual([]);
  }, 60_000);
});
