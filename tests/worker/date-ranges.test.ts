import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshWorker, seedKv } from './helpers';

/**
 * Date filters and page arguments at their edges: a count is never negative, a page never
 * holds more than the count, and a reversed range is the client's mistake (BAD_USER_INPUT
 * naming the argument), as docs/input-limits.md says.
 */
beforeAll(seedKv);
const query = freshWorker();

const ARTICLES = /* GraphQL */ `
  query ($filter: ArticleFilter, $first: Int, $last: Int, $after: String, $before: String) {
    articles(filter: $filter, first: $first, last: $last, after: $after, before: $before) {
      totalCount nodes { slug datePublished } pageInfo { hasNextPage hasPreviousPage }
    }
  }
`;
const EVENTS = /* GraphQL */ `
  query ($filter: EventFilter, $first: Int, $last: Int, $after: String, $before: String) {
    events(filter: $filter, first: $first, last: $last, after: $after, before: $before) {
      totalCount nodes { slug startDate } pageInfo { hasNextPage hasPreviousPage }
    }
  }
`;
const SEARCH = /* GraphQL */ `
  query ($filter: SearchFilter) { search(query: "पुतिन", filter: $filter) { totalCount nodes { slug } } }
`;

interface Page {
  totalCount: number;
  nodes: Array<{ slug: string; datePublished?: string; startDate?: string }>;
}

describe('reversed date ranges', () => {
  const cases: Array<[string, string, Record<string, unknown>, string]> = [
    ['articles', ARTICLES, { publishedFrom: '2025-01-01', publishedTo: '2020-01-01' }, 'filter.publishedFrom'],
    ['articles about a person (a scan)', ARTICLES, { person: 'vladimir-putin', language: 'hi', publishedFrom: '2025-01-01', publishedTo: '2020-01-01' }, 'filter.publishedFrom'],
    ['events', EVENTS, { startFrom: '2024-06-20', startTo: '2024-06-01' }, 'filter.startFrom'],
    ['search', SEARCH, { publishedFrom: '2025-01-01', publishedTo: '2020-01-01' }, 'filter.publishedFrom'],
  ];
  it.each(cases)('%s: BAD_USER_INPUT naming the argument, no data', async (_name, source, filter, argument) => {
    const r = await query(source, { filter });
    expect(r.status).toBe(200);
    expect(r.body.data).toBeNull();
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(r.body.errors![0]!.message).toMatch(/is after .* swap them/);
  });
});

describe('empty and one-day ranges', () => {
  it('a range with nothing in it answers totalCount 0 and no nodes, in every direction', async () => {
    for (const args of [{}, { first: 5 }, { last: 5 }, { first: 0 }]) {
      const a = await query(ARTICLES, { filter: { publishedFrom: '2099-01-01', publishedTo: '2099-12-31' }, ...args });
      expect(a.body.errors).toBeUndefined();
      expect(a.body.data!.articles).toMatchObject({ totalCount: 0, nodes: [] });
      const e = await query(EVENTS, { filter: { startFrom: '1990-01-01', startTo: '1990-01-02' }, ...args });
      expect(e.body.errors).toBeUndefined();
      expect(e.body.data!.events).toMatchObject({ totalCount: 0, nodes: [] });
    }
  });

  it('a range of one day holds exactly that day', async () => {
    const a = await query(ARTICLES, { filter: { publishedFrom: '2024-06-12', publishedTo: '2024-06-12' } });
    expect((a.body.data!.articles as Page).nodes.map((n) => n.datePublished)).toEqual(['2024-06-12']);
  });
});

/**
 * Any in-order pair of dates and any page arguments: the count equals the items of the full
 * list within the range (computed here from the unfiltered list), is never negative, and the
 * page is a slice of them.
 */
describe('date ranges and pages, generated', () => {
  const day = fc
    .date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const size = fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined });

  it('events: totalCount is the number of events starting in the range', async () => {
    const all = ((await query(EVENTS, { first: 100 })).body.data!.events as Page).nodes;
    await fc.assert(
      fc.asyncProperty(day, day, size, size, async (a, b, first, last) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const r = await query(EVENTS, { filter: { startFrom: from, startTo: to }, first, last });
        expect(r.body.errors).toBeUndefined();
        const page = r.body.data!.events as Page;
        const inRange = all.filter((e) => e.startDate! >= from && e.startDate! <= to);
        expect(page.totalCount).toBe(inRange.length);
        expect(page.nodes.length).toBeLessThanOrEqual(page.totalCount);
        for (const n of page.nodes) expect(inRange.map((e) => e.slug)).toContain(n.slug);
      }),
      { seed: 15, numRuns: 60 },
    );
  });

  it('articles: totalCount is the number of articles published in the range', async () => {
    const all = ((await query(ARTICLES, { first: 100 })).body.data!.articles as Page).nodes;
    await fc.assert(
      fc.asyncProperty(day, day, size, async (a, b, last) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const r = await query(ARTICLES, { filter: { publishedFrom: from, publishedTo: to }, last });
        expect(r.body.errors).toBeUndefined();
        const page = r.body.data!.articles as Page;
        expect(page.totalCount).toBe(all.filter((n) => n.datePublished! >= from && n.datePublished! <= to).length);
        expect(page.nodes.length).toBeLessThanOrEqual(page.totalCount);
      }),
      { seed: 15, numRuns: 40 },
    );
  });
});
