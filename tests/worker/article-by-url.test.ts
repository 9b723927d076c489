import { beforeAll, describe, expect, it } from 'vitest';
import type { TextSourceFile as SourceFile } from '../../tools/data/read-data-set';
import { deliveryWorker, persistedGetUrl } from './delivery-helpers';
import { freshWorker } from './helpers';
import { publishIncrementally } from './incremental-publish';
import { buildAndPublish, seedFiles } from './publish-data';

/**
 * `article(url:)`: a shared link or a deep link opens its story whatever form the link takes
 * (src/model/article-url.ts), at the KV cost of the article page by slug plus one key.
 */
function story(slug: string, fields: Record<string, unknown>, datePublished = '2024-06-20'): SourceFile {
  const text = { slug, language: 'en', headline: `Story ${slug}`, datePublished, source: 'Written for this test.', paragraphs: ['Putin spoke.'], about: ['vladimir-putin'], ...fields };
  return { path: `articles/${slug}.json`, text: JSON.stringify(text) };
}

const SUMMIT = 'https://www.example.com/world/2024/06/summit';
const files = [
  ...seedFiles(),
  story('summit', { url: SUMMIT, alternateUrls: ['https://amp.example.com/world/2024/06/summit/amp'] }),
  story('cricket', { language: 'hi', url: 'https://www.example.in/खेल/क्रिकेट-फाइनल' }),
  // The page an HTML story was read from is an alternate of its canonical URL.
  story('read-from-page', { url: 'https://news.example.org/a/1', origin: { format: 'HTML', url: 'https://news.example.org/a/1?output=amp&s=9' } }),
  // Claims the summit's canonical URL as an alternate: the canonical claim wins.
  story('copy', { url: 'https://mirror.example.net/copy', alternateUrls: [`${SUMMIT}/`] }, '2024-06-21'),
];

beforeAll(() => buildAndPublish(files), 60_000);

const BY_URL = /* GraphQL */ `query ($url: String, $slug: String) { article(url: $url, slug: $slug) { slug url related(first: 2) { slug } } }`;

describe('article(url:)', () => {
  it.each([
    [SUMMIT, 'summit'],
    ['http://example.com/world/2024/06/summit/', 'summit'],
    ['https://m.example.com/world/2024/06/summit?utm_source=whatsapp&fbclid=abc#top', 'summit'],
    ['https://amp.example.com/world/2024/06/summit/amp', 'summit'],
    ['https://www-example-com.cdn.ampproject.org/c/s/www.example.com/world/2024/06/summit', 'summit'],
    ['https://example.in/%E0%A4%96%E0%A5%87%E0%A4%B2/%E0%A4%95%E0%A5%8D%E0%A4%B0%E0%A4%BF%E0%A4%95%E0%A5%87%E0%A4%9F-%E0%A4%AB%E0%A4%BE%E0%A4%87%E0%A4%A8%E0%A4%B2', 'cricket'],
    ['https://news.example.org/a/1?s=9', 'read-from-page'],
    ['https://mirror.example.net/copy', 'copy'],
  ])('%s opens %s', async (url, slug) => {
    const r = await freshWorker()(BY_URL, { url });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.article.slug).toBe(slug);
  });

  it('answers null for a URL no article has, reading one key', async () => {
    const r = await freshWorker()(BY_URL, { url: 'https://www.example.com/world/2024/06/other' });
    expect(r.body).toEqual({ data: { article: null } });
    expect(r.kv).toMatchObject({ versionReads: 1, roundTrips: 1, keys: 1 });
  });

  it.each([
    [{ url: 'not a link' }, 'url'],
    [{ url: 'ftp://example.com/world/2024/06/summit' }, 'url'],
    [{ url: '/world/2024/06/summit' }, 'url'],
    [{ url: SUMMIT, slug: 'summit' }, 'url'],
    [{}, 'slug'],
  ])('%j is BAD_USER_INPUT naming %s, with no read', async (variables, argument) => {
    const r = await freshWorker()(BY_URL, variables);
    expect(r.body.data?.article).toBeNull();
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(r.kv).toMatchObject({ roundTrips: 0, keys: 0 });
  });

  it('costs pointer + 2 round trips cold (the URL key holding the article, then its related stories), none warm', async () => {
    const query = freshWorker();
    const cold = await query(BY_URL, { url: SUMMIT });
    expect(cold.body.data?.article.slug).toBe('summit');
    expect(cold.body.data?.article.related).toHaveLength(2);
    expect(cold.kv).toMatchObject({ versionReads: 1, roundTrips: 2, keys: 2 });
    const warm = await query(BY_URL, { url: 'https://m.example.com/world/2024/06/summit/' });
    expect(warm.kv).toMatchObject({ versionReads: 0, roundTrips: 0, keys: 0 });
  });

  it('runs as the persisted ArticleByUrl in production: pointer + 2 round trips cold, as ArticlePage by slug', async () => {
    const send = deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'false', ENVIRONMENT: 'production' });
    const response = await send(persistedGetUrl('ArticleByUrl', { url: `${SUMMIT}?utm_campaign=share` }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { article: { slug: string; url: string; people: Array<{ slug: string }> } } };
    expect(body.data.article).toMatchObject({ slug: 'summit', url: SUMMIT, people: [{ slug: 'vladimir-putin' }] });
    expect(response.kv).toMatchObject({ versionReads: 1, roundTrips: 2 });
    const bySlug = await deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'false', ENVIRONMENT: 'production' })(persistedGetUrl('ArticlePage', { slug: 'summit' }));
    expect(bySlug.kv.roundTrips).toBe(response.kv.roundTrips);
  });

  it('follows a publish: a changed URL moves, a withdrawn story\'s URLs answer null', async () => {
    const moved = story('summit', { url: 'https://www.example.com/world/2024/06/summit-report' });
    await publishIncrementally([...seedFiles().filter((f) => f.path.startsWith('entities/')), moved], ['cricket'], '2026-02-01T00:00:00Z');
    const query = freshWorker();
    const found = async (url: string) => (await query(BY_URL, { url })).body.data?.article?.slug ?? null;
    expect(await found('https://example.com/world/2024/06/summit-report')).toBe('summit');
    // Dropped with the story's own claim (`copy`, whose alternate it also is, gets it at the next full build).
    expect(await found(SUMMIT)).toBe(null);
    expect(await found('https://amp.example.com/world/2024/06/summit/amp')).toBe(null);
    expect(await found('https://www.example.in/खेल/क्रिकेट-फाइनल')).toBe(null);
    expect(await found('https://mirror.example.net/copy')).toBe('copy');
  });
});
