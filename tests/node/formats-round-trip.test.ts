import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleDoc, EntityDoc } from '../../src/model/documents';
import { articleKey, entityKey } from '../../src/model/keys';
import { articleToJsonLd } from '../../src/formats/json-ld';
import { articleToNinjs } from '../../src/formats/ninjs';
import { ingest } from '../../tools/ingest/ingest';
import { ninjsSchemaErrors } from '../../tools/ingest/ninjs-schemas';
import { readNinjs } from '../../tools/ingest/ninjs';
import type { Story } from '../../tools/ingest/story';
import { textLinkerFor } from '../../tools/linking/ingest-linker';
import { buildDir, cleanUp, fixtures, freshDataDir, NOW } from './ingest/helpers';

/**
 * A ninjs story goes in through ingest (with the text linker on its hook), through the build,
 * and out through the formats: IPTC's 3.1 schema accepts what comes out, and reading it back
 * gives the same uri, headline, body, byline, language, dates, renditions and entity URIs.
 * Real items: IPTC's 3.1 example (a person with a Wikidata URI) and TT's 3.0 story (an image
 * with renditions).
 */
afterEach(cleanUp);

const SITE = { origin: 'https://news.example' };
type Json = Record<string, unknown>;

async function throughTheApi(fixture: string, prepare?: (dataDir: string) => void) {
  const dataDir = freshDataDir();
  prepare?.(dataDir);
  const file = join(fixtures, 'ninjs', fixture);
  const report = await ingest([file], { dataDir, now: NOW, linker: textLinkerFor(dataDir) });
  expect(report.problems).toEqual([]);
  const slug = report.changes[0]!.slug!;
  const built = await buildDir(dataDir);
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  const { version, entries } = built.data;
  const doc = <T>(key: string) => entries.find((e) => e.key === key)!.value as T;
  const article = doc<ArticleDoc>(articleKey(version, slug));
  const linked = [...article.people, ...article.places, ...article.organizations, ...article.events];
  const entities = new Map(linked.map((s) => [s, doc<EntityDoc>(entityKey(version, s))]));
  const input = JSON.parse(readFileSync(file, 'utf8')) as Json;
  return { article, entities, input, ninjs: articleToNinjs(article, entities, SITE), jsonLd: articleToJsonLd(article, entities, SITE) };
}

const story = (item: Json): Story => {
  const read = readNinjs(item, '/');
  if ('error' in read) throw new Error(read.error);
  return read.story;
};
const instant = (date: string | undefined) => (date ? new Date(date).toISOString() : undefined);

function expectSameStory(input: Json, output: Json) {
  const before = story(input);
  const after = story(output);
  expect(after.uri).toBe(before.uri);
  expect(after.headline).toBe(before.headline);
  // Ingest drops a first block that repeats the headline (TT's <h1>); the rest is the body.
  const body = before.paragraphs[0] === before.headline ? before.paragraphs.slice(1) : before.paragraphs;
  expect(after.paragraphs).toEqual(body);
  expect(after.paragraphs.length).toBeGreaterThan(0);
  expect(after.byline).toBe(before.byline);
  expect(after.language).toBe(before.language);
  expect(instant(after.datePublished)).toBe(instant(before.datePublished));
  expect(instant(after.dateModified)).toBe(instant(before.dateModified));
  const files = (s: Story) => s.images.map((i) => [i.url, ...i.renditions.map((r) => `${r.name} ${r.url} ${r.width}x${r.height}`)]);
  expect(files(after)).toEqual(files(before));
  return { before, after };
}

describe('ninjs in, ninjs and JSON-LD out', () => {
  it('keeps a story and its Wikidata-linked person (IPTC 3.1 example)', async () => {
    // The KB gains the person the example links by Wikidata id, as a curator's kb:import would.
    const { ninjs, jsonLd, input } = await throughTheApi('v3.1_005_complex_text_article.json', (dataDir) => {
      const path = join(dataDir, 'entities', 'people.json');
      const people = JSON.parse(readFileSync(path, 'utf8')) as Json[];
      people.push({ slug: 'francesco-schettino', wikidataId: 'Q4421821', defaultLanguage: 'en', names: { en: 'Francesco Schettino' } });
      writeFileSync(path, JSON.stringify(people));
    });
    expect(ninjsSchemaErrors(ninjs, '3.1')).toEqual([]);
    const { after } = expectSameStory(input, ninjs);
    expect(after.entities).toContainEqual(expect.objectContaining({ kind: 'person', uri: 'http://www.wikidata.org/entity/Q4421821', wikidataId: 'Q4421821' }));
    // Italy is named in the text and in the gazetteer: linked too, without a Wikidata id.
    expect(ninjs.places).toContainEqual({ name: 'Italy', rel: 'mentions', literal: 'italy' });
    // Google's recommended Article properties, and the person with its Wikidata page.
    expect(jsonLd).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Captain of wrecked cruise ship on trial in Italy',
      datePublished: '2013-07-09T10:37:00Z',
      dateModified: '2013-07-09T10:37:00Z',
      author: [{ '@type': 'Person', name: "Paulo Santalucia and Frances d'Emilio" }],
    });
    expect([...(jsonLd.about as Json[] ?? []), ...(jsonLd.mentions as Json[] ?? [])]).toContainEqual(
      { '@type': 'Person', name: 'Francesco Schettino', sameAs: 'https://www.wikidata.org/wiki/Q4421821' },
    );
  });

  it('keeps a story with its image renditions (TT 3.0)', async () => {
    const { ninjs, jsonLd, input } = await throughTheApi('v3.0_tt_text_image_3.json');
    expect(ninjsSchemaErrors(ninjs, '3.1')).toEqual([]);
    const { after } = expectSameStory(input, ninjs);
    expect(after.images.length).toBeGreaterThan(0);
    expect(jsonLd.image).toEqual([expect.objectContaining({ '@type': 'ImageObject', url: after.images[0]!.url })]);
    expect(jsonLd.inLanguage).toBe('sv');
  });
});
