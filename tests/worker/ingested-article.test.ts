import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceFile } from '../../tools/data/read-data-set';
import people from '../../data/entities/people.json';
import events from '../../data/entities/events.json';
import places from '../../data/entities/places.json';
import organizations from '../../data/entities/organizations.json';
import tt from '../fixtures/ingest/expected/militarovning-i-jatteformat-halls-2023.json';
import kbs from '../fixtures/ingest/expected/megsiko-mudeogi-siljong-modu-balgyeon-yeohaenggaeg-anin-iminja.json';
import ap from '../fixtures/ingest/expected/captain-of-wrecked-cruise-ship-on-trial-in-italy.json';
import { buildAndSeedKv, freshWorker } from './helpers';

/**
 * Ingested stories served: the article files ingest writes for real samples
 * (tests/fixtures/ingest/expected/, checked byte for byte by tests/node/ingest/golden.test.ts),
 * built by the real build step inside workerd and read through article(slug:).
 */
beforeAll(async () => {
  const files: SourceFile[] = [
    ...[tt, kbs, ap].map((a) => ({ path: `articles/${a.slug}.json`, text: JSON.stringify(a) })),
    { path: 'entities/people.json', text: JSON.stringify(people) },
    { path: 'entities/events.json', text: JSON.stringify(events) },
    { path: 'entities/places.json', text: JSON.stringify(places) },
    { path: 'entities/organizations.json', text: JSON.stringify(organizations) },
  ];
  await buildAndSeedKv(files, '2026-11-28T06:00:00Z');
});

const ARTICLE = /* GraphQL */ `
  query ($slug: String!) {
    article(slug: $slug) {
      slug headline language url byline summary section copyright version
      datePublished datePublishedTime dateModified
      authors { name url person { slug } }
      images { url width height contentType caption credit renditions { name url width height contentType } }
      subjects { name code uri }
      origin { format formatVersion uri url }
      translations { language url article { slug } }
      paragraphs { text }
    }
  }
`;

describe('an ingested article through the API', () => {
  it('answers with images and renditions, subjects, dates with offset, version and origin (TT ninjs)', async () => {
    const { body } = await freshWorker()(ARTICLE, { slug: tt.slug });
    expect(body.errors).toBeUndefined();
    const a = body.data!.article;
    expect(a).toMatchObject({
      headline: tt.headline, language: 'sv', copyright: 'TT', version: 1,
      datePublished: '2021-05-26', datePublishedTime: '2021-05-26T13:40:18+02:00', dateModified: '2021-05-26T13:40:18+02:00',
      origin: { format: 'NINJS', formatVersion: '3.x', uri: 'http://tt.se/media/text/210526-militarovning-a0f2d045', url: null },
      subjects: tt.subjects,
      translations: [],
    });
    expect(a.images).toHaveLength(1);
    expect(a.images[0]).toMatchObject({ width: 4724, height: 3149, contentType: 'image/jpeg', credit: 'Karl Melander/TT' });
    expect(a.images[0].renditions.map((r: { name: string }) => r.name)).toEqual(['r01', 'r02', 'r03']);
    expect(a.paragraphs.map((p: { text: string }) => p.text)).toEqual(tt.paragraphs);
  });

  it('answers with url, byline and authors of a page read by its JSON-LD (KBS, Korean)', async () => {
    const { body } = await freshWorker()(ARTICLE, { slug: kbs.slug });
    expect(body.errors).toBeUndefined();
    expect(body.data!.article).toMatchObject({
      language: 'ko', url: 'https://news.kbs.co.kr/news/view.do?ncd=7645555', datePublished: '2023-04-07', datePublishedTime: null,
      authors: [{ name: '이동환', url: null, person: null }], origin: { format: 'HTML' },
    });
    expect(body.data!.article.images[0].url).toMatch(/^https:\/\//);
  });

  it('lists ingested articles newest first by their local date', async () => {
    const { body } = await freshWorker()('{ articles { totalCount nodes { slug datePublished byline } } }');
    expect(body.data!.articles.totalCount).toBe(3);
    expect(body.data!.articles.nodes.map((n: { slug: string }) => n.slug)).toEqual([kbs.slug, tt.slug, ap.slug]);
    expect(body.data!.articles.nodes[2]).toMatchObject({ byline: "Paulo Santalucia and Frances d'Emilio" });
  });
});
