import { beforeAll, describe, expect, it } from 'vitest';
import home from '../../operations/home.graphql?raw';
import latestArticles from '../../operations/latest-articles.graphql?raw';
import { CARD_TOP_STORIES, cardCorpus, topStoriesFile } from '../../tools/fixtures/card-corpus';
import { MORE_SCREENS } from '../../tools/fixtures/screens';
import { deliveryWorker, persistedGetUrl } from './delivery-helpers';
import { freshWorker } from './helpers';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * The home screen (operations/home.graphql): the editors' top stories, the section tabs and the
 * newest cards in one persisted operation, within the round trips of the other screens (the
 * pointer, then at most 2 cold), over the real build of the card corpus and its curated file.
 */
const N = 30;

beforeAll(() => buildAndPublish([...seedFiles(), ...cardCorpus(N), topStoriesFile()]), 60_000);

interface Card {
  id: string;
  slug: string;
  section: string | null;
  leadImage: { url: string; alt: string | null } | null;
}
interface HomeData {
  curatedList: { key: string; articles: Array<Card | null> };
  sections: Array<{ key: string; name: string; names: Array<{ language: string; value: string }>; articleCount: number }>;
  articles: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ cursor: string; node: Card | null }> };
}

describe('the Home screen', () => {
  it('answers top stories in the editors\' order, every section, and the newest cards', async () => {
    const r = await freshWorker()<HomeData>(home, MORE_SCREENS.home);
    expect(r.body.errors).toBeUndefined();
    const data = r.body.data!;
    expect(data.curatedList.key).toBe('top-stories:home');
    expect(data.curatedList.articles.map((a) => a?.slug)).toEqual(CARD_TOP_STORIES.home);
    expect(data.sections.map((s) => [s.key, s.articleCount])).toEqual([
      ['world', N / 2],
      ['खेल', N / 2],
    ]);
    expect(data.articles.totalCount).toBe(N + 1);
    expect(data.articles.edges).toHaveLength(MORE_SCREENS.home.first);
    expect(data.articles.edges.filter((e) => e.node?.leadImage).length).toBeGreaterThan(MORE_SCREENS.home.first / 2);
    // The same cards, in the same order, as the feed of its own (LatestArticles).
    const feed = await freshWorker()<HomeData>(latestArticles, MORE_SCREENS.home);
    expect(data.articles.edges.map((e) => e.node?.slug)).toEqual(feed.body.data!.articles.edges.map((e) => e.node?.slug));
  });

  it('reads the pointer, then 2 round trips cold, and nothing warm', async () => {
    const query = freshWorker();
    const cold = await query<HomeData>(home, MORE_SCREENS.home);
    expect(cold.body.errors).toBeUndefined();
    // Wave 1: the feed's list, the section listing and the curated file; wave 2: the top stories.
    expect(cold.kv).toMatchObject({ versionReads: 1, roundTrips: 2 });
    // No card costs a read of its own: the feed's keys, the listing, the curated file and its stories.
    const feed = await freshWorker()(latestArticles.replace(/people \{[^}]*\}/, ''), MORE_SCREENS.home);
    expect(feed.kv.roundTrips).toBe(1);
    expect(cold.kv.keys).toBe(feed.kv.keys + 2 + CARD_TOP_STORIES.home.length);
    const warm = await query<HomeData>(home, MORE_SCREENS.home);
    expect(warm.body).toEqual(cold.body);
    expect(warm.kv).toMatchObject({ versionReads: 0, roundTrips: 0, keys: 0 });
  });

  it('pages the cards by cursor: the second page continues the first', async () => {
    const query = freshWorker();
    const one = (await query<HomeData>(home, { first: 10 })).body.data!.articles;
    const two = (await query<HomeData>(home, { first: 10, after: one.pageInfo.endCursor })).body.data!.articles;
    const all = (await query<HomeData>(home, { first: 20 })).body.data!.articles;
    expect([...one.edges, ...two.edges].map((e) => e.node?.slug)).toEqual(all.edges.map((e) => e.node?.slug));
  });

  it('runs as a persisted operation in production mode (hash only, GET)', async () => {
    const response = await deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'false', ENVIRONMENT: 'production' })(persistedGetUrl('Home', MORE_SCREENS.home));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: HomeData; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.curatedList.articles).toHaveLength(CARD_TOP_STORIES.home.length);
  });
});
