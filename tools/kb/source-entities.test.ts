import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, freshDataDir, NOW, root } from '../../tests/node/ingest/helpers';
import { buildDataSet } from '../compile/build-data-set';
import { readSourceFiles } from '../data/source-files';
import { ingest } from '../ingest/ingest';
import { textLinkerFor } from '../linking/ingest-linker';
import { ReviewReport } from '../linking/review-report';
import { PROVENANCE_FILE } from './kb-sidecar';
import { KbGrowth } from './source-entities';

/**
 * Entities from a source's own tags, through ingest with the real KB (data/entities) in a
 * scratch data folder, then the real build. tests/fixtures/linking/grown/ keeps what this
 * writes (the new entities and the article), which tests/worker/grown-entities.test.ts serves
 * through the API; GROWN_UPDATE=1 rewrites it.
 */
const tags = join(root, 'tests', 'fixtures', 'linking', 'tags');
const grownDir = join(root, 'tests', 'fixtures', 'linking', 'grown');
const inputs = [join(tags, 'ninjs-tagged-people.json'), join(tags, 'jsonld-tagged-hindi.json')];
afterAll(cleanUp);

async function run(dataDir: string) {
  const growth = new KbGrowth(dataDir, () => NOW);
  const review = new ReviewReport();
  const report = await ingest(inputs, { dataDir, now: NOW, linker: textLinkerFor(dataDir, review, growth) });
  growth.save();
  return { growth, report, review };
}
const json = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const bySlug = (items: Array<{ slug: string }>, slug: string) => items.find((e) => e.slug === slug) as Record<string, unknown> | undefined;

describe('entities from the sources\' tags', () => {
  const dataDir = freshDataDir();
  let first: Awaited<ReturnType<typeof run>>;

  it('creates the people and organisations the KB lacks, typed, named in the story\'s language, with id and provenance', async () => {
    first = await run(dataDir);
    expect(first.report.problems).toEqual([]);
    expect(first.growth.created).toEqual(['narendra-modi', 'joe-biden', 'bharatiya-janata-party', 'rahul-gamdhi']);
    const people = json(dataDir, 'entities/people.json');
    // The Hindi story's tag has the same Wikidata id: Modi gains his Hindi name, no second entity.
    expect(bySlug(people, 'narendra-modi')).toEqual({
      slug: 'narendra-modi', wikidataId: 'Q1058', defaultLanguage: 'en', names: { en: 'Narendra Modi', hi: 'नरेंद्र मोदी' }, aliases: [],
    });
    expect(bySlug(people, 'rahul-gamdhi')).toMatchObject({ wikidataId: 'Q10218', defaultLanguage: 'hi', names: { hi: 'राहुल गांधी' } });
    expect(people.filter((p: { wikidataId?: string }) => p.wikidataId === 'Q7747')).toHaveLength(1); // Putin was there
    expect(bySlug(json(dataDir, 'entities/organizations.json'), 'bharatiya-janata-party')).toMatchObject({ wikidataId: 'Q10230' });
    // Tags without an identity stay hints: no "Allies", no "New Delhi", no "शपथ ग्रहण".
    expect(bySlug(json(dataDir, 'entities/places.json'), 'new-delhi')).toBeUndefined();
    expect(json(dataDir, PROVENANCE_FILE)['narendra-modi']).toEqual({
      source: inputs[0], firstSeen: NOW.toISOString(), ids: ['http://www.wikidata.org/entity/Q1058', 'Q1058'], tag: 'source tag',
    });
    const article = json(dataDir, 'articles/narendra-modi-sworn-in-for-a-third-term.json');
    expect(article.about).toEqual(expect.arrayContaining(['narendra-modi', 'joe-biden', 'vladimir-putin', 'bharatiya-janata-party', 'india']));
  });

  it('finds them again by identifier on the next ingest: nothing created twice', async () => {
    const again = await run(dataDir);
    expect(again.growth.created).toEqual([]);
    expect(again.growth.enriched).toEqual([]);
  });

  it('builds: the new people have entity keys and the story is in their article lists', async () => {
    const result = await buildDataSet(readSourceFiles(dataDir), { builtAt: NOW.toISOString(), hash: async (t) => String(t.length) });
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    const keys = new Set(result.data.entries.map((e) => e.key));
    for (const slug of ['narendra-modi', 'rahul-gamdhi', 'joe-biden']) expect([...keys].some((k) => k.includes(slug))).toBe(true);
  });

  it('is what tests/fixtures/linking/grown holds (served by the worker test)', () => {
    const grown = {
      people: json(dataDir, 'entities/people.json').filter((p: { slug: string }) => first.growth.created.includes(p.slug)),
      organizations: json(dataDir, 'entities/organizations.json').filter((p: { slug: string }) => first.growth.created.includes(p.slug)),
      articles: readdirSync(join(dataDir, 'articles')).sort().map((f) => json(dataDir, `articles/${f}`)),
    };
    const path = join(grownDir, 'grown.json');
    if (process.env.GROWN_UPDATE) writeFileSync(path, `${JSON.stringify(grown, null, 2)}\n`);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(grown);
  });
});
