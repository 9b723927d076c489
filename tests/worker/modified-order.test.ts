import { beforeAll, describe, expect, it } from 'vitest';
import { generateArticle } from '../../tools/fixtures/corpus';
import type { TextSourceFile as SourceFile } from '../../tools/data/read-data-set';
import { coldQuery } from './helpers';
import { publishIncrementally } from './incremental-publish';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * `articles(orderBy: DATE_MODIFIED)` and `filter: { modifiedSince }`: the stored modified list
 * (src/model/sort-key.ts modifiedKey), built in full and kept up by incremental publishes.
 */
const story = (i: number, slug: string, datePublished: string, dateModified?: string): SourceFile => {
  const file = JSON.parse(generateArticle(i, 13).text) as Record<string, unknown>;
  return { path: `articles/${slug}.json`, text: JSON.stringify({ ...file, slug, datePublished, ...(dateModified ? { dateModified } : {}) }) };
};
const DAY = [
  story(1, 'm-a-never-changed', '2030-03-10T01:00:00Z'),
  story(2, 'm-b-changed-ist', '2030-03-10T02:00:00Z', '2030-03-10T20:00:00+05:30'),
  story(3, 'm-c-changed-same-date', '2030-03-10T03:00:00Z', '2030-03-10'),
  story(4, 'm-d-changed-next-date', '2030-03-10T04:00:00Z', '2030-03-11'),
  story(5, 'm-e-changed-before-publication', '2030-03-10T05:00:00Z', '2030-03-10T00:30:00Z'),
  story(6, 'm-f-date-only-changed', '2030-03-10', '2030-03-10T09:00:00Z'),
];
/**
 * By hand from the keys: m-d's date alone (11 March) sorts above every instant of 10 March;
 * m-b at 14:30 UTC; m-f at 09:00; m-e by its publication (its change is dated earlier); m-c by
 * its publication instant (a date alone of the same day is earlier); m-a by its publication.
 */
const BY_MODIFIED = ['m-d-changed-next-date', 'm-b-changed-ist', 'm-f-date-only-changed', 'm-e-changed-before-publication', 'm-c-changed-same-date', 'm-a-never-changed'];

const FEED = /* GraphQL */ `
  query ($first: Int, $after: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {
    articles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { slug dateModified dateModifiedAt datePublishedAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
interface Feed {
  totalCount: number;
  edges: Array<{ cursor: string; node: { slug: string; dateModified: string | null; dateModifiedAt: string | null; datePublishedAt: string | null } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string };
}
const query = coldQuery;
async function feed(variables: Record<string, unknown>): Promise<Feed> {
  const r = await query<{ articles: Feed }>(FEED, variables);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.articles;
}
const slugs = (f: Feed) => f.edges.map((e) => e.node.slug).filter((s) => s.startsWith('m-'));
const MODIFIED = { field: 'DATE_MODIFIED', direction: 'DESC' };
const languageOf = new Map(DAY.map((f) => [JSON.parse(f.text).slug as string, JSON.parse(f.text).language as string]));

beforeAll(async () => {
  await buildAndPublish([...seedFiles(), ...DAY]);
}, 60_000);

describe('articles by last change', () => {
  it('orders by the later of the change and the publication, a date alone before the instants of its day', async () => {
    const f = await feed({ first: 10, orderBy: MODIFIED });
    expect(slugs(f)).toEqual(BY_MODIFIED);
    expect(f.totalCount).toBe(7);
    const node = (slug: string) => f.edges.find((e) => e.node.slug === slug)!.node;
    expect(node('m-b-changed-ist')).toMatchObject({ dateModified: '2030-03-10T20:00:00+05:30', dateModifiedAt: '2030-03-10T14:30:00.000Z', datePublishedAt: '2030-03-10T02:00:00.000Z' });
    expect(node('m-a-never-changed')).toMatchObject({ dateModified: null, dateModifiedAt: '2030-03-10T01:00:00.000Z' });
    expect(node('m-d-changed-next-date')).toMatchObject({ dateModified: '2030-03-11', dateModifiedAt: null });
    expect(node('m-f-date-only-changed')).toMatchObject({ datePublishedAt: null, dateModifiedAt: '2030-03-10T09:00:00.000Z' });
    const asc = await feed({ first: 10, orderBy: { field: 'DATE_MODIFIED', direction: 'ASC' } });
    expect(slugs(asc)).toEqual([...BY_MODIFIED].reverse());
  });

  it('pages with cursors, two at a time, no repeat and no gap', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const page = await feed({ first: 2, after, orderBy: MODIFIED });
      seen.push(...slugs(page));
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(BY_MODIFIED);
  });

  it('costs the KV round trips and keys of the latest feed', async () => {
    const select = 'edges { cursor node { slug headline dateModifiedAt } } pageInfo { hasNextPage endCursor }';
    const latest = await query(`{ articles(first: 20) { ${select} } }`);
    const modified = await query(`{ articles(orderBy: { field: DATE_MODIFIED }, first: 20) { ${select} } }`);
    expect(modified.body.errors).toBeUndefined();
    expect(modified.kv.roundTrips).toBe(latest.kv.roundTrips);
    expect(modified.kv.keys).toBe(latest.kv.keys);
    expect(modified.kv.roundTrips).toBeLessThanOrEqual(2);
  });

  it('modifiedSince: a prefix of the modified list, or a scan in publication order or under other filters', async () => {
    const since = '2030-03-10T10:30:00+05:30'; // 05:00 UTC, inclusive
    const top = await feed({ first: 10, orderBy: MODIFIED, filter: { modifiedSince: since } });
    expect(slugs(top)).toEqual(BY_MODIFIED.slice(0, 4));
    expect(top.totalCount).toBe(4);
    const published = await feed({ first: 10, filter: { modifiedSince: since } });
    expect(slugs(published)).toEqual(['m-e-changed-before-publication', 'm-d-changed-next-date', 'm-b-changed-ist', 'm-f-date-only-changed']);
    const hindi = await feed({ first: 10, orderBy: MODIFIED, filter: { language: 'hi' } });
    expect(slugs(hindi)).toEqual(BY_MODIFIED.filter((s) => languageOf.get(s) === 'hi'));
    const paged = await feed({ first: 1, after: hindi.edges[0]!.cursor, orderBy: MODIFIED, filter: { language: 'hi' } });
    expect(slugs(paged)).toEqual(slugs(hindi).slice(1, 2));
  });

  it('refuses a value that is not an RFC 3339 date-time: BAD_USER_INPUT naming the argument', async () => {
    const literal = await query('{ articles(filter: { modifiedSince: "2030-03-10" }) { totalCount } }');
    expect(literal.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.modifiedSince' });
    expect(literal.body.errors?.[0]?.message).toMatch(/^`filter\.modifiedSince`: DateTime must be an RFC 3339 date-time/);
    const variable = await query('query ($f: ArticleFilter) { articles(filter: $f) { totalCount } }', { f: { modifiedSince: '2030-03-10 10:00:00Z' } });
    expect(variable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.body.errors?.[0]?.message).toContain('"f.modifiedSince"');
    const typed = await query('query ($s: DateTime) { articles(filter: { modifiedSince: $s }) { totalCount } }', { s: 1710000000 });
    expect(typed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(typed.body.errors?.[0]?.message).toContain('$s');
  });
});

describe('an incremental publish', () => {
  it('moves a corrected story to the top, places a new one by its time, and drops a withdrawn one', async () => {
    const entities = seedFiles().filter((f) => f.path.startsWith('entities/'));
    const corrected = story(1, 'm-a-never-changed', '2030-03-10T01:00:00Z', '2030-03-12T08:00:00+05:30');
    const added = story(7, 'm-g-added', '2030-03-11T06:00:00Z');
    const before = await feed({ first: 2, orderBy: MODIFIED });
    await publishIncrementally([...entities, corrected, added], ['m-b-changed-ist'], '2030-03-12T03:00:00Z');
    const want = ['m-a-never-changed', 'm-g-added', 'm-d-changed-next-date', 'm-f-date-only-changed', 'm-e-changed-before-publication', 'm-c-changed-same-date'];
    const after = await feed({ first: 10, orderBy: MODIFIED });
    expect(slugs(after)).toEqual(want);
    expect(after.totalCount).toBe(7);
    // A cursor issued before the publish still names its place: after m-b (withdrawn since), m-f comes next.
    expect(slugs(await feed({ first: 2, after: before.pageInfo.endCursor, orderBy: MODIFIED }))).toEqual(['m-f-date-only-changed', 'm-e-changed-before-publication']);
    const since = await feed({ first: 10, orderBy: MODIFIED, filter: { modifiedSince: '2030-03-11T00:00:00Z' } });
    expect(slugs(since)).toEqual(want.slice(0, 2));
  }, 60_000);
});
