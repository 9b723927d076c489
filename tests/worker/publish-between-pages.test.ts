import { beforeAll, describe, expect, it } from 'vitest';
import { generateArticle, generateCorpus } from '../../tools/fixtures/corpus';
import type { TextSourceFile as SourceFile } from '../../tools/data/read-data-set';
import { freshWorker } from './helpers';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * Stable cursors: page 1 of a feed, then a publish that adds and removes articles (some on
 * page 1, the item the cursor names among them), then page 2 "after" page 1's cursor. Page 2
 * must hold exactly the articles of the new version that sort after the cursor's key: no
 * article of page 1 again, none skipped. Each page is asked of a fresh isolate, as a client's
 * next request may land anywhere.
 */
const N = 250;
const PAGE = /* GraphQL */ `
  query ($first: Int, $after: String, $before: String, $last: Int, $orderBy: ArticleOrder) {
    articles(first: $first, after: $after, before: $before, last: $last, orderBy: $orderBy) {
      totalCount
      edges { cursor node { slug datePublished } }
      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
    }
  }
`;
interface Item { slug: string; datePublished: string }
interface Page {
  totalCount: number;
  edges: Array<{ cursor: string; node: Item }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string; startCursor: string };
}

async function page(variables: Record<string, unknown>): Promise<Page> {
  const r = await freshWorker()<{ articles: Page }>(PAGE, variables);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.articles;
}

const itemOf = (f: SourceFile): Item => {
  const { slug, datePublished } = JSON.parse(f.text) as Item;
  return { slug, datePublished };
};
/** The feed's order, written out independently of the code under test: newest, then slug. */
const newestFirst = (a: Item, b: Item) =>
  a.datePublished !== b.datePublished ? (a.datePublished > b.datePublished ? -1 : 1) : a.slug === b.slug ? 0 : a.slug < b.slug ? -1 : 1;
const withDate = (i: number, datePublished: string): SourceFile => {
  const file = generateArticle(i, 7);
  return { path: file.path, text: JSON.stringify({ ...JSON.parse(file.text), datePublished }) };
};

let v1: SourceFile[];
let first: Page;

beforeAll(async () => {
  v1 = [...seedFiles(), ...generateCorpus(N)];
  await buildAndPublish(v1, '2026-01-01T00:00:00Z');
  first = await page({ first: 70 });
}, 60_000);

describe('a publish between two pages', () => {
  it('neither repeats nor skips an article, whether or not the cursor item survived', async () => {
    // In the version the cursor came from, the next page costs one round trip, as an offset did:
    // the cursor's offset hint brings the right chunks with the list head.
    const same = await freshWorker()(PAGE, { first: 70, after: first.pageInfo.endCursor });
    expect(same.kv).toMatchObject({ versionReads: 1, roundTrips: 1 });
    const shown = first.edges.map((e) => e.node);
    expect(shown).toEqual(v1.filter((f) => f.path.startsWith('articles/')).map(itemOf).sort(newestFirst).slice(0, 70));
    const last = shown[69]!;
    const keep = shown[59]!;
    // Remove two articles of page 1 (one of them the last, which page 1's endCursor names) and
    // two further down; add articles above page 1, on the cursor's own date (either side of
    // its slug), and in the middle of page 2.
    const removed = new Set([shown[10]!.slug, last.slug, ...v1.filter((f) => f.path.startsWith('articles/generated-')).map(itemOf).sort(newestFirst).slice(100, 102).map((a) => a.slug)]);
    const added = [withDate(901, '2099-01-01'), withDate(902, last.datePublished), withDate(0, last.datePublished), withDate(904, shown[69]!.datePublished.replace(/^\d{4}/, (y) => String(Number(y) - 1)))];
    const v2 = [...v1.filter((f) => !f.path.startsWith('articles/') || !removed.has(itemOf(f).slug)), ...added];
    await buildAndPublish(v2, '2026-01-02T00:00:00Z');
    const feed = v2.filter((f) => f.path.startsWith('articles/')).map(itemOf).sort(newestFirst);

    for (const [cursor, key] of [[first.pageInfo.endCursor, last], [first.edges[59]!.cursor, keep]] as const) {
      const asked = await freshWorker()<{ articles: Page }>(PAGE, { first: 70, after: cursor });
      // The list moved under the cursor: its chunk is found through the head, one more round trip at most.
      expect(asked.kv.roundTrips).toBeLessThanOrEqual(2);
      const next = asked.body.data!.articles;
      const expected = feed.filter((a) => newestFirst(a, key) > 0).slice(0, 70);
      expect(next.edges.map((e) => e.node)).toEqual(expected);
      expect(next.totalCount).toBe(feed.length);
      // Nothing shown twice: page 2 shares no article with what page 1 showed up to the cursor.
      const upTo = shown.slice(0, shown.indexOf(key) + 1).map((a) => a.slug);
      expect(next.edges.filter((e) => upTo.includes(e.node.slug))).toEqual([]);
      // Nothing skipped: every article of the new version between the cursor and page 2's end is on it.
      const end = next.edges.at(-1)!.node;
      expect(feed.filter((a) => newestFirst(a, key) > 0 && newestFirst(a, end) <= 0).map((a) => a.slug)).toEqual(next.edges.map((e) => e.node.slug));
    }
    // Of the two articles added on the cursor's date, only the one whose slug sorts after it is on page 2.
    const onPage2 = (await page({ first: 5, after: first.pageInfo.endCursor })).edges.map((e) => e.node.slug);
    expect(onPage2).toEqual(feed.filter((a) => newestFirst(a, last) > 0).slice(0, 5).map((a) => a.slug));
    expect(onPage2).toContain('generated-000902');
    expect(onPage2).not.toContain('generated-000000');

    // Backwards, and oldest first: `before` the old cursor ends just above the cursor's key.
    const back = await page({ last: 10, before: first.pageInfo.endCursor });
    expect(back.edges.map((e) => e.node)).toEqual(feed.filter((a) => newestFirst(a, last) < 0).slice(-10));
    const asc = await page({ first: 10, after: first.pageInfo.endCursor, orderBy: { direction: 'ASC' } });
    expect(asc.edges.map((e) => e.node)).toEqual(feed.filter((a) => newestFirst(a, last) < 0).reverse().slice(0, 10));
  }, 60_000);
});
