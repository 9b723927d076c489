import { beforeAll, describe, expect, it } from 'vitest';
import type { TextSourceFile as SourceFile } from '../../tools/data/read-data-set';
import { freshWorker } from './helpers';
import { buildAndPublish, seedFiles } from './publish-data';
import { SEED_SLUG } from '../../tools/fixtures/screens';

/**
 * Related stories, by value: the seed article and four written for this test, each linking
 * (through `about` and `events`) a known part of what the seed links to.
 */
function article(slug: string, about: string[], events: string[] = []): SourceFile {
  const text = { slug, language: 'en', headline: `Test story ${slug}`, datePublished: '2024-06-20', source: 'Written for this test.', paragraphs: ['A short test paragraph.'], about, events };
  return { path: `articles/${slug}.json`, text: JSON.stringify(text) };
}

beforeAll(async () => {
  await buildAndPublish([
    ...seedFiles(),
    // Shares two people and the visit (an event, which counts double) with the seed.
    article('summit-report', ['vladimir-putin', 'kim-jong-un'], ['putin-visit-to-north-korea-2024']),
    // Shares one event and one place.
    article('vietnam-trip', ['vietnam'], ['putin-visit-to-vietnam-2024']),
    // Shares one place.
    article('moscow-weather', ['moscow']),
    // Shares nothing with the seed; one place with nothing else either.
    article('hanoi-traffic', ['hanoi']),
  ]);
}, 60_000);

const RELATED = /* GraphQL */ `
  query ($slug: String!, $first: Int) { article(slug: $slug) { slug related(first: $first) { slug headline people { slug } } } }
`;

describe('Article.related', () => {
  it('ranks by shared entities, rarer and event links counting more', async () => {
    const query = freshWorker();
    const r = await query(RELATED, { slug: SEED_SLUG, first: 10 });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.article.related.map((a: { slug: string }) => a.slug)).toEqual(['summit-report', 'vietnam-trip', 'moscow-weather']);
    expect(r.body.data?.article.related[0]).toEqual({
      slug: 'summit-report',
      headline: 'Test story summit-report',
      people: [{ slug: 'vladimir-putin' }, { slug: 'kim-jong-un' }],
    });
    const back = await query(RELATED, { slug: 'summit-report' });
    expect(back.body.data?.article.related.map((a: { slug: string }) => a.slug)).toEqual([SEED_SLUG]);
    const none = await query(RELATED, { slug: 'hanoi-traffic' });
    expect(none.body.data?.article.related).toEqual([]);
  });

  it('takes first from 0 to 10, and answers BAD_USER_INPUT beyond', async () => {
    const query = freshWorker();
    expect((await query(RELATED, { slug: SEED_SLUG, first: 1 })).body.data?.article.related).toHaveLength(1);
    expect((await query(RELATED, { slug: SEED_SLUG, first: 0 })).body.data?.article.related).toEqual([]);
    const r = await query(RELATED, { slug: SEED_SLUG, first: 11 });
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('costs the article page no extra round trip: read with the article, cold; nothing warm', async () => {
    const query = freshWorker();
    const cold = await query(RELATED, { slug: SEED_SLUG });
    expect(cold.kv).toMatchObject({ versionReads: 1, roundTrips: 1, keys: 2 });
    const warm = await query(RELATED, { slug: SEED_SLUG });
    expect(warm.kv).toMatchObject({ versionReads: 0, roundTrips: 0, keys: 0 });
  });
});
