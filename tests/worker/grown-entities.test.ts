import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceFile } from '../../tools/data/read-data-set';
import people from '../../data/entities/people.json';
import events from '../../data/entities/events.json';
import places from '../../data/entities/places.json';
import organizations from '../../data/entities/organizations.json';
import grown from '../fixtures/linking/grown/grown.json';
import { buildAndSeedKv, freshWorker } from './helpers';

/**
 * People created from a source's own tags (tools/kb/source-entities.ts) served by the API: the
 * entity records and articles ingest wrote for a ninjs and a JSON-LD story tagged with Wikidata
 * ids (tests/fixtures/linking/grown/, checked by tools/kb/source-entities.test.ts), built by the
 * real build step inside workerd and read through person(slug:) and suggest().
 */
beforeAll(async () => {
  const files: SourceFile[] = [
    ...grown.articles.map((a) => ({ path: `articles/${a.slug}.json`, text: JSON.stringify(a) })),
    { path: 'entities/people.json', text: JSON.stringify([...people, ...grown.people]) },
    { path: 'entities/events.json', text: JSON.stringify(events) },
    { path: 'entities/places.json', text: JSON.stringify(places) },
    { path: 'entities/organizations.json', text: JSON.stringify([...organizations, ...grown.organizations]) },
  ];
  await buildAndSeedKv(files, '2026-11-28T06:00:00Z');
}, 120_000);

const PERSON = /* GraphQL */ `
  query ($slug: String!) {
    person(slug: $slug) { slug name hi: name(language: "hi") wikidataId articles { nodes { slug language } } }
  }
`;

describe('an entity grown from a source tag through the API', () => {
  it('has a page with its names, Wikidata id and the stories tagged with it in both languages', async () => {
    const { body } = await freshWorker()(PERSON, { slug: 'narendra-modi' });
    expect(body.errors).toBeUndefined();
    expect(body.data!.person).toMatchObject({ slug: 'narendra-modi', name: 'Narendra Modi', hi: 'नरेंद्र मोदी', wikidataId: 'Q1058' });
    expect(body.data!.person.articles.nodes.map((n: { language: string }) => n.language).sort()).toEqual(['en', 'hi']);
  });

  it('is found by type-ahead in Latin and Devanagari script', async () => {
    const query = freshWorker();
    for (const prefix of ['Naren', 'नरें', 'राहुल']) {
      const { body } = await query('query ($p: String!) { suggest(prefix: $p) { slug } }', { p: prefix });
      expect(body.errors).toBeUndefined();
      expect(body.data!.suggest.map((e: { slug: string }) => e.slug)).toContain(prefix === 'राहुल' ? 'rahul-gamdhi' : 'narendra-modi');
    }
  });

  it('serves an organisation from a tag too', async () => {
    const { body } = await freshWorker()('{ organization(slug: "bharatiya-janata-party") { name wikidataId articles { totalCount } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data!.organization).toEqual({ name: 'Bharatiya Janata Party', wikidataId: 'Q10230', articles: { totalCount: 1 } });
  });
});
