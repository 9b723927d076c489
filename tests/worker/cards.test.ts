import { beforeAll, describe, expect, it } from 'vitest';
import latestArticles from '../../operations/latest-articles.graphql?raw';
import { cardCorpus } from '../../tools/fixtures/card-corpus';
import { freshWorker } from './helpers';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * Cards in one read: a page of articles carries what a card shows (headline, summary, lead
 * picture with renditions and alt text, section, publication instant) in the list's own leaves,
 * so a feed of 20 cards with pictures reads the keys the feed read before it showed pictures.
 * Counted through x-kv-stats on cold isolates, over the real build of 41 articles.
 */
const N = 40;

beforeAll(() => buildAndPublish([...seedFiles(), ...cardCorpus(N)]), 60_000);

/** The home feed as shipped before cards: no summary, no picture. */
const FEED_BEFORE = /* GraphQL */ `
  query ($first: Int = 20) {
    articles(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id slug headline language dateline datePublished datePublishedPrecision people { id slug name } }
    }
  }
`;
/** The same feed showing pictures the only way there was: each article's `images`. */
const FEED_WITH_IMAGES = FEED_BEFORE.replace('people {', 'images { url alt renditions { url width } } people {');

interface Card {
  slug: string;
  summary: string | null;
  section: string | null;
  datePublishedTime: string | null;
  leadImage: { url: string; alt: string | null; width: number | null; renditions: Array<{ name: string; url: string; width: number }> } | null;
}

describe('a feed of 20 cards', () => {
  it('reads the keys the feed read without pictures; pictures through `images` cost one article read each', async () => {
    const before = await freshWorker()(FEED_BEFORE);
    const oldWay = await freshWorker()(FEED_WITH_IMAGES);
    const cards = await freshWorker()<{ articles: { edges: Array<{ cursor: string; node: Card }> } }>(latestArticles, { first: 20 });
    for (const r of [before, oldWay, cards]) expect(r.body.errors).toBeUndefined();
    const edges = cards.body.data!.articles.edges;
    expect(edges).toHaveLength(20);
    expect(edges.filter((e) => e.node.leadImage !== null).length).toBeGreaterThan(10);

    expect(oldWay.kv.keys).toBe(before.kv.keys + 20);
    expect(cards.kv).toMatchObject({ versionReads: before.kv.versionReads, roundTrips: before.kv.roundTrips, keys: before.kv.keys });
  });

  it('carries the lead picture exactly as the article has it, with its renditions and alt text', async () => {
    const query = freshWorker();
    const cards = (await query<{ articles: { edges: Array<{ node: Card }> } }>(latestArticles, { first: 20 })).body.data!.articles.edges;
    const slugs = cards.map((e) => e.node.slug);
    const full = await query<Record<string, { images: Card['leadImage'][]; summary: string; section: string; datePublishedTime: string }>>(
      `{ ${slugs.map((s, i) => `a${i}: article(slug: "${s}") { images { url width height alt renditions { name url width height } } }`).join(' ')} }`,
    );
    expect(full.body.errors).toBeUndefined();
    cards.forEach(({ node }, i) => {
      expect(node.leadImage).toEqual(full.body.data![`a${i}`]!.images[0] ?? null);
    });
    const pictured = cards.find((e) => e.node.slug.startsWith('generated-') && e.node.leadImage)!.node;
    expect(pictured.leadImage!.alt).toMatch(/^(Picture \d+|किम जोंग उन और पुतिन, चित्र \d+)$/);
    expect(pictured.leadImage!.renditions.map((r) => r.width)).toEqual([320, 1280]);
    expect(pictured.summary).toMatch(/^Summary \d+$/);
    expect(['World', 'खेल']).toContain(pictured.section);
    expect(pictured.datePublishedTime).toMatch(/^2025-01-\d\dT\d\d:15:00\+05:30$/);
  });

  it('pages with edges and cursors: two pages of 20 are 40 different cards, in order', async () => {
    const query = freshWorker();
    const one = (await query<{ articles: { pageInfo: { endCursor: string }; edges: Array<{ cursor: string; node: Card }> } }>(latestArticles, { first: 20 })).body.data!.articles;
    const two = (await query<typeof one extends infer T ? { articles: T } : never>(latestArticles, { first: 20, after: one.pageInfo.endCursor })).body.data!.articles;
    expect(one.edges.at(-1)!.cursor).toBe(one.pageInfo.endCursor);
    expect(new Set([...one.edges, ...two.edges].map((e) => e.node.slug)).size).toBe(40);
  });
});
