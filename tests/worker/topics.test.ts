import { beforeAll, describe, expect, it } from 'vitest';
import type { TextSourceFile as SourceFile } from '../../tools/data/read-data-set';
import { deliveryWorker, persistedGetUrl } from './delivery-helpers';
import { freshWorker } from './helpers';
import { publishIncrementally } from './incremental-publish';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * Sections, subjects and authors: the listings (one key each), a page per section and subject,
 * and the `section`/`subject`/`author` filters of `articles` and `search`, with their KV cost.
 */
function story(slug: string, language: string, datePublished: string, fields: Record<string, unknown>): SourceFile {
  const text = { slug, language, headline: `Story ${slug}`, datePublished, source: 'Written for this test.', paragraphs: ['Putin spoke.'], about: ['vladimir-putin'], ...fields };
  return { path: `articles/${slug}.json`, text: JSON.stringify(text) };
}

const POLITICS = 'medtop:11000000';
const files = [
  ...seedFiles(),
  story('w1', 'en', '2024-06-20', { section: 'World', subjects: [{ name: 'politics', code: POLITICS }], authors: [{ name: 'Jane Doe' }] }),
  story('w2', 'en', '2024-06-21', { section: 'world ', subjects: [{ name: 'Cricket' }], authors: [{ name: 'jane  doe' }] }),
  story('k1', 'hi', '2024-06-22', { section: 'खेल', subjects: [{ name: 'राजनीति', code: POLITICS }, { name: 'क्रिकेट' }], about: ['vladimir-putin', 'korean-central-news-agency'] }),
  story('k2', 'hi', '2024-06-23', { section: 'खेल', subjects: [{ name: 'Cricket' }] }),
];
const PRODUCTION = { ALLOW_ARBITRARY_QUERIES: 'false', ENVIRONMENT: 'production' } as const;

beforeAll(() => buildAndPublish(files), 60_000);

/** An answer without the `__typename`s the build adds to persisted operations (as Apollo Client does). */
const untyped = <T>(value: T): T => JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === '__typename' ? undefined : v))) as T;
const slugs = (connection: { nodes: Array<{ slug: string }> }) => connection.nodes.map((n) => n.slug);

describe('sections and subjects', () => {
  it('lists every section and the subjects, most articles first, with names per language (persisted Sections: pointer + 1 round trip)', async () => {
    const send = deliveryWorker(PRODUCTION);
    const response = await send(persistedGetUrl('Sections', {}));
    const { data } = untyped((await response.json()) as { data: { sections: unknown[]; subjects: unknown[] } });
    expect(data.sections).toEqual([
      { key: 'world', name: 'World', names: [{ language: 'en', value: 'World' }], articleCount: 2 },
      { key: 'खेल', name: 'खेल', names: [{ language: 'hi', value: 'खेल' }], articleCount: 2 },
    ]);
    expect(data.subjects).toEqual([
      { key: POLITICS, code: POLITICS, name: 'politics', names: [{ language: 'en', value: 'politics' }, { language: 'hi', value: 'राजनीति' }], articleCount: 2 },
      { key: 'tag:cricket', code: null, name: 'Cricket', names: [{ language: 'en', value: 'Cricket' }, { language: 'hi', value: 'Cricket' }], articleCount: 2 },
      { key: 'tag:क्रिकेट', code: null, name: 'क्रिकेट', names: [{ language: 'hi', value: 'क्रिकेट' }], articleCount: 1 },
    ]);
    expect(response.kv).toMatchObject({ versionReads: 1, roundTrips: 1, keys: 2 });
    const warm = await send(persistedGetUrl('Sections', { subjects: 2 }));
    expect(warm.kv).toMatchObject({ roundTrips: 0, keys: 0 });
  });

  it('opens a section page by any spelling of its name, newest first, in pointer + 1 round trip (persisted SectionPage)', async () => {
    const send = deliveryWorker(PRODUCTION);
    const response = await send(persistedGetUrl('SectionPage', { key: 'WORLD' }));
    const { data } = (await response.json()) as { data: { section: { key: string; articleCount: number; articles: { edges: Array<{ cursor: string; node: { slug: string; authors: unknown[]; subjects: unknown[] } }> } } } };
    expect(data.section).toMatchObject({ key: 'world', articleCount: 2 });
    expect(data.section.articles.edges.map((e) => e.node.slug)).toEqual(['w2', 'w1']);
    expect(untyped(data.section.articles.edges[1]!.node)).toMatchObject({ authors: [{ name: 'Jane Doe' }], subjects: [{ key: POLITICS, name: 'politics' }] });
    expect(response.kv).toMatchObject({ versionReads: 1, roundTrips: 1 });
  });

  it('opens a subject page by code or tag (persisted SubjectPage), null for one no article has', async () => {
    const send = deliveryWorker(PRODUCTION);
    const response = await send(persistedGetUrl('SubjectPage', { key: POLITICS }));
    const { data } = (await response.json()) as { data: { subject: { articles: { edges: Array<{ node: { slug: string } }> } } } };
    expect(data.subject.articles.edges.map((e) => e.node.slug)).toEqual(['k1', 'w1']);
    expect(response.kv).toMatchObject({ versionReads: 1, roundTrips: 1 });
    const none = await freshWorker()(`{ subject(key: "tag:nothing") { key } section(key: "sport") { key } }`);
    expect(none.body).toEqual({ data: { subject: null, section: null } });
    // A tag's name is matched as the build stored it, whatever its case and spacing.
    const typed = await freshWorker()(`{ subject(key: " tag:CRICKET ") { key articleCount } }`);
    expect(typed.body).toEqual({ data: { subject: { key: 'tag:cricket', articleCount: 2 } } });
  });

  it('filters articles by section, subject and author, alone or with the other filters', async () => {
    const query = freshWorker();
    const ask = async (filter: Record<string, unknown>) => {
      const r = await query(`query ($filter: ArticleFilter) { articles(filter: $filter) { totalCount nodes { slug } } }`, { filter });
      expect(r.body.errors).toBeUndefined();
      return slugs(r.body.data!.articles);
    };
    expect(await ask({ section: 'खेल' })).toEqual(['k2', 'k1']);
    expect(await ask({ subject: 'tag:cricket' })).toEqual(['k2', 'w2']);
    expect(await ask({ subject: 'tag:Cricket' })).toEqual(['k2', 'w2']);
    expect(await ask({ author: ' JANE DOE' })).toEqual(['w2', 'w1']);
    expect(await ask({ section: 'world', subject: 'tag:cricket' })).toEqual(['w2']);
    expect(await ask({ person: 'vladimir-putin', section: 'खेल', subject: POLITICS })).toEqual(['k1']);
    expect(await ask({ subject: 'tag:cricket', language: 'hi' })).toEqual(['k2']);
    expect(await ask({ section: 'sport' })).toEqual([]);
  });

  it('filters search by section, subject and organization', async () => {
    const query = freshWorker();
    const ask = async (filter: Record<string, unknown>) => {
      const r = await query(`query ($filter: SearchFilter) { search(query: "Putin", filter: $filter) { nodes { slug } } }`, { filter });
      expect(r.body.errors).toBeUndefined();
      return slugs(r.body.data!.search).sort();
    };
    expect(await ask({ section: 'World' })).toEqual(['w1', 'w2']);
    expect(await ask({ subject: POLITICS })).toEqual(['k1', 'w1']);
    expect(await ask({ organization: 'korean-central-news-agency' })).toContain('k1');
    expect(await ask({ organization: 'korean-central-news-agency' })).not.toContain('w1');
  });

  it('gives a card its subjects and authors with the feed, at no extra read', async () => {
    const plain = await freshWorker()(`{ articles(first: 10) { nodes { slug headline } } }`);
    const topics = await freshWorker()(`{ articles(first: 10) { nodes { slug subjects { key name } authors { name } } } }`);
    expect(topics.body.data!.articles.nodes.find((n: { slug: string }) => n.slug === 'k1').subjects).toEqual([
      { key: POLITICS, name: 'राजनीति' },
      { key: 'tag:क्रिकेट', name: 'क्रिकेट' },
    ]);
    expect(topics.kv).toMatchObject({ roundTrips: plain.kv.roundTrips, keys: plain.kv.keys });
  });

  it('answers BAD_USER_INPUT for subjects(first:) out of range', async () => {
    const r = await freshWorker()(`{ subjects(first: 101) { key } }`);
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('follows a publish: counts and lists move with a story that changes section', async () => {
    const moved = story('k2', 'hi', '2024-06-23', { section: 'World', subjects: [{ name: 'Cricket' }] });
    await publishIncrementally([...seedFiles().filter((f) => f.path.startsWith('entities/')), moved], ['w1'], '2026-02-01T00:00:00Z');
    const r = await freshWorker()(`{ sections { key articleCount } subjects { key articleCount } section(key: "world") { articles { nodes { slug } } } }`);
    expect(r.body.data!.sections).toEqual([
      { key: 'world', articleCount: 2 },
      { key: 'खेल', articleCount: 1 },
    ]);
    expect(r.body.data!.subjects).toEqual([
      { key: 'tag:cricket', articleCount: 2 },
      { key: POLITICS, articleCount: 1 },
      { key: 'tag:क्रिकेट', articleCount: 1 },
    ]);
    expect(slugs(r.body.data!.section.articles)).toEqual(['k2', 'w2']);
  });
});
