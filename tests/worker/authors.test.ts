import { beforeAll, describe, expect, it } from 'vitest';
import type { TextSourceFile as SourceFile } from '../../tools/data/read-data-set';
import { authorSlug } from '../../src/model/author-identity';
import { toGlobalId } from '../../src/model/global-id';
import { deliveryWorker, persistedGetUrl } from './delivery-helpers';
import { freshWorker } from './helpers';
import { publishIncrementally } from './incremental-publish';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * Authors as nodes: one record per author (`w:<slug>`), its page with its articles in the round
 * trips of a section page, bylines that link to it, identities that merge bylines, names per
 * language and script, and a publish that brings a new author.
 */
function story(slug: string, language: string, datePublished: string, authors: unknown[]): SourceFile {
  const text = { slug, language, headline: `Story ${slug}`, datePublished, source: 'Written for this test.', paragraphs: ['Putin spoke.'], about: ['vladimir-putin'], authors };
  return { path: `articles/${slug}.json`, text: JSON.stringify(text) };
}

const JANE = { name: 'Jane Doe', url: 'https://news.example.org/staff/jane-doe' };
const PRIYA = { id: 'urn:example:staff:42' };
const files = [
  ...seedFiles(),
  story('a1', 'en', '2024-06-20', [JANE]),
  // The same page, as a link travels (www, trailing slash): one author, whatever name is printed.
  story('a2', 'hi', '2024-06-21', [{ name: 'जेन डो', url: 'http://www.news.example.org/staff/jane-doe/' }]),
  story('a3', 'hi', '2024-06-22', [{ ...PRIYA, name: 'प्रिया शर्मा', names: [{ language: 'hi', value: 'प्रिया शर्मा' }, { language: 'hi-Latn', value: 'Priya Sharma' }] }]),
  story('a4', 'hi', '2024-06-23', [{ ...PRIYA, name: 'Priya Sharma' }, { name: 'John Smith' }]),
  story('a5', 'en', '2024-06-24', [{ name: ' john  SMITH' }]),
  // Another John Smith, whom his publisher identifies: his own page.
  story('a6', 'en', '2024-06-25', [{ name: 'John Smith', url: 'https://other.example.com/people/john-smith' }]),
];
const PRODUCTION = { ALLOW_ARBITRARY_QUERIES: 'false', ENVIRONMENT: 'production' } as const;
const janeSlug = authorSlug(JANE);
const priyaSlug = authorSlug({ ...PRIYA, name: 'x' });

beforeAll(() => buildAndPublish(files), 60_000);

type Edge = { cursor: string; node: { slug: string; authors: Array<{ id: string; slug: string; name: string }> } };
type AuthorPage = { author: { id: string; slug: string; name: string; names: unknown[]; url: string | null; sameAs: string[]; articleCount: number; articles: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Edge[] } } | null };

describe('authors', () => {
  it('opens an author page by slug in pointer + 1 round trip cold (persisted AuthorPage), its bylines linking back', async () => {
    const send = deliveryWorker(PRODUCTION);
    const response = await send(persistedGetUrl('AuthorPage', { slug: janeSlug }));
    const { data } = (await response.json()) as { data: AuthorPage };
    expect(janeSlug).toMatch(/^jane-doe-[0-9a-f]{8}$/);
    expect(data.author).toMatchObject({
      id: toGlobalId('Author', janeSlug),
      slug: janeSlug,
      name: 'जेन डो',
      names: [{ language: 'en', value: 'Jane Doe' }, { language: 'hi', value: 'जेन डो' }],
      url: 'http://www.news.example.org/staff/jane-doe/',
      sameAs: [],
      articleCount: 2,
    });
    expect(data.author!.articles.edges.map((e) => e.node.slug)).toEqual(['a2', 'a1']);
    expect(data.author!.articles.edges[1]!.node.authors).toMatchObject([{ id: data.author!.id, slug: janeSlug, name: 'Jane Doe' }]);
    expect(response.kv).toMatchObject({ versionReads: 1, roundTrips: 1 });
    expect(response.kv.roundTrips).toBeLessThanOrEqual(2);
  });

  it('pages an author\'s articles with cursors', async () => {
    const send = deliveryWorker(PRODUCTION);
    const first = (await (await send(persistedGetUrl('AuthorPage', { slug: janeSlug, first: 1 }))).json()) as { data: AuthorPage };
    expect(first.data.author!.articles.pageInfo.hasNextPage).toBe(true);
    const next = (await (await send(persistedGetUrl('AuthorPage', { slug: janeSlug, first: 1, after: first.data.author!.articles.pageInfo.endCursor }))).json()) as { data: AuthorPage };
    expect(next.data.author!.articles.edges.map((e) => e.node.slug)).toEqual(['a1']);
    expect(next.data.author!.articles.pageInfo.hasNextPage).toBe(false);
  });

  it('merges bylines by identity and keeps names per language and script; by name alone, the name is the key', async () => {
    const r = await freshWorker()(
      `query ($id: ID!) { node(id: $id) { ... on Author { slug name names { language value } hi: name(language: "hi") latin: name(language: "hi-Latn") articleCount } }
        smith: author(slug: "John Smith") { slug articleCount articles { nodes { slug } } }
        other: article(slug: "a6") { authors { slug articleCount } } }`,
      { id: toGlobalId('Author', priyaSlug) },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.node).toEqual({
      slug: priyaSlug,
      name: 'Priya Sharma',
      names: [{ language: 'hi', value: 'प्रिया शर्मा' }, { language: 'hi-Latn', value: 'Priya Sharma' }],
      hi: 'प्रिया शर्मा',
      latin: 'Priya Sharma',
      articleCount: 2,
    });
    expect(r.body.data!.smith).toEqual({ slug: 'john-smith', articleCount: 2, articles: { nodes: [{ slug: 'a5' }, { slug: 'a4' }] } });
    expect(r.body.data!.other.authors).toEqual([{ slug: expect.stringMatching(/^john-smith-[0-9a-f]{8}$/), articleCount: 1 }]);
  });

  it('tags a Latin-letter name in a Hindi story as hi-Latn', async () => {
    const r = await freshWorker()(`{ author(slug: "john-smith") { names { language value } } }`);
    expect(r.body.data!.author.names).toEqual([{ language: 'en', value: 'john SMITH' }, { language: 'hi-Latn', value: 'John Smith' }]);
  });

  it('filters articles by an author\'s slug or name', async () => {
    const ask = async (author: string) => (await freshWorker()(`query ($a: String) { articles(filter: { author: $a }) { nodes { slug } } }`, { a: author })).body.data!.articles.nodes.map((n: { slug: string }) => n.slug);
    expect(await ask(janeSlug)).toEqual(['a2', 'a1']);
    expect(await ask('JOHN smith')).toEqual(['a5', 'a4']);
    expect(await ask('nobody')).toEqual([]);
  });

  it('answers null for an unknown author and BAD_USER_INPUT for an ID it did not issue', async () => {
    const r = await freshWorker()(`{ author(slug: "nobody-at-all") { slug } blank: author(slug: " - ") { slug } }`);
    expect(r.body).toEqual({ data: { author: null, blank: null } });
    const bad = await freshWorker()(`query ($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('Author', 'Not A Slug') });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('publishes a new story by a new author incrementally: one record more, and the author page answers', async () => {
    const entities = seedFiles().filter((f) => f.path.startsWith('entities/'));
    const newcomer = { name: 'Asha Rao', url: 'https://news.example.org/staff/asha-rao' };
    const { delta } = await publishIncrementally([...entities, story('a7', 'en', '2024-06-26', [newcomer])], ['a6'], '2026-02-01T00:00:00Z');
    const written = delta.entries.map((e) => e.key.replace(/^v:[^:]+:/, '')).filter((k) => k.startsWith('w:'));
    expect(written).toEqual([`w:${authorSlug(newcomer)}`]);
    expect(delta.deleted).toContain(`w:${authorSlug({ name: 'John Smith', url: 'https://other.example.com/people/john-smith' })}`);
    const send = deliveryWorker(PRODUCTION);
    const response = await send(persistedGetUrl('AuthorPage', { slug: authorSlug(newcomer) }));
    const { data } = (await response.json()) as { data: AuthorPage };
    expect(data.author).toMatchObject({ name: 'Asha Rao', articleCount: 1 });
    expect(data.author!.articles.edges.map((e) => e.node.slug)).toEqual(['a7']);
    expect(response.kv.roundTrips).toBeLessThanOrEqual(2);
    const gone = await freshWorker()(`query ($s: String!) { author(slug: $s) { slug } }`, { s: authorSlug({ name: 'John Smith', url: 'https://other.example.com/people/john-smith' }) });
    expect(gone.body).toEqual({ data: { author: null } });
  });
});
