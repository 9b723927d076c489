import { beforeAll, describe, expect, it } from 'vitest';
import { freshWorker, seedKv } from './helpers';

beforeAll(seedKv);
const query = freshWorker();

const EVENTS = /* GraphQL */ `
  query ($first: Int, $after: String, $last: Int, $before: String, $orderBy: EventOrder, $filter: EventFilter) {
    events(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
      totalCount
      edges { cursor node { slug startDate status } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

type Page = {
  totalCount: number;
  edges: Array<{ cursor: string; node: { slug: string; startDate: string; status: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};

async function events(variables: Record<string, unknown>): Promise<Page> {
  const r = await query(EVENTS, variables);
  expect(r.body.errors).toBeUndefined();
  return r.body.data?.events as Page;
}

describe('cursor pagination (Relay connections)', () => {
  it('visits every event once, forwards and backwards, in start-date order', async () => {
    const all = (await events({ first: 100 })).edges.map((e) => e.node.slug);
    expect(all).toHaveLength(7);
    const dates = (await events({ first: 100 })).edges.map((e) => e.node.startDate);
    expect([...dates].sort()).toEqual(dates);

    const forward: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const p: Page = await events({ first: 2, after });
      forward.push(...p.edges.map((e) => e.node.slug));
      expect(p.totalCount).toBe(7);
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(forward).toEqual(all);

    const backward: string[] = [];
    let before: string | null = null;
    for (let page = 0; page < 10; page++) {
      const p: Page = await events({ last: 3, before });
      backward.unshift(...p.edges.map((e) => e.node.slug));
      expect(p.pageInfo.hasNextPage).toBe(before !== null);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(backward).toEqual(all);
  });

  it('reverses with orderBy and narrows with filters', async () => {
    const desc = await events({ first: 3, orderBy: { direction: 'DESC' } });
    expect(desc.edges.map((e) => e.node.slug)).toEqual([
      'putin-visit-to-vietnam-2024',
      'putin-visit-to-north-korea-2024',
      'russia-day-2024',
    ]);
    const in2024 = await events({ filter: { startFrom: '2024-01-01', startTo: '2024-06-18' } });
    expect(in2024.edges.map((e) => e.node.startDate)).toEqual(['2024-05-27', '2024-06-12', '2024-06-18']);
    expect(in2024.totalCount).toBe(3);
    const failed = await events({ filter: { status: 'FAILED' } });
    expect(failed.edges.map((e) => e.node.slug)).toEqual(['north-korea-satellite-launch-failure-2024']);
    const kimInRussia = await events({ filter: { person: 'kim-jong-un', place: 'vostochny-cosmodrome' } });
    expect(kimInRussia.edges.map((e) => e.node.slug)).toEqual(['putin-kim-summit-2023']);
  });

  it('filters articles by entity, language and date', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (await query(`query ($f: ArticleFilter) { articles(filter: $f) { totalCount } }`, { f: filter })).body.data
        ?.articles.totalCount;
    expect(await count({ person: 'kim-jong-un' })).toBe(1);
    expect(await count({ person: 'kim-jong-un', place: 'vietnam', language: 'hi' })).toBe(1);
    expect(await count({ language: 'en' })).toBe(0);
    expect(await count({ publishedFrom: '2024-06-12', publishedTo: '2024-06-12' })).toBe(1);
    expect(await count({ publishedFrom: '2024-06-13' })).toBe(0);
    expect(await count({ person: 'moscow' })).toBe(0);
  });

  it('answers BAD_USER_INPUT for page sizes out of range and cursors it did not issue', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ first: 101 }, 'first'],
      [{ first: -1 }, 'first'],
      [{ last: 1000 }, 'last'],
      [{ after: 'bm90IGEgY3Vyc29y' }, 'after'],
      [{ before: '!!' }, 'before'],
      [{ filter: { startFrom: '2024-13-01' } }, 'filter.startFrom'],
    ];
    for (const [variables, argument] of cases) {
      const r = await query(EVENTS, variables);
      expect(r.status).toBe(200);
      expect(r.body.data).toBeNull();
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});
