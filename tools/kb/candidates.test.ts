import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, freshDataDir, NOW } from '../../tests/node/ingest/helpers';
import { buildDataSet } from '../compile/build-data-set';
import { readSourceFiles } from '../data/source-files';
import { textLinkerFor } from '../linking/ingest-linker';
import { CandidateStore } from './candidates';
import { accept, merge, reject } from './review-candidates';
import { KbGrowth } from './source-entities';

/** Candidates from unknown names, and the editors' decisions (`npm run kb:review`), on a scratch copy of the real KB. */
afterAll(cleanUp);

const story = (headline: string, paragraphs: string[], language = 'en', source = 'https://example.org/a') => ({
  language, headline, paragraphs, authors: [], sourceEntities: [], source,
});

describe('candidates for editors', () => {
  const dataDir = freshDataDir();
  const store = new CandidateStore(dataDir, () => NOW);
  const link = textLinkerFor(dataDir, undefined, undefined, store);

  it('gathers recurring names with a guessed type, merges one name across scripts, and leaves out credits', async () => {
    await link(story('Rally in Amethi', ['Congress leader Mr Rahul Gandhi spoke at a rally. Photo: Getty Images']), { entities: [], bySlug: new Map() });
    await link(story('राहुल गांधी की रैली', ['कांग्रेस नेता श्री राहुल गांधी ने रैली की।'], 'hi', 'https://example.in/b'), { entities: [], bySlug: new Map() });
    const proposed = store.proposed();
    const rahul = proposed.find((c) => c.names.some((n) => n.value === 'Rahul Gandhi'))!;
    expect(rahul.names.map((n) => [n.language, n.value])).toEqual([['en', 'Rahul Gandhi'], ['hi', 'राहुल गांधी']]);
    expect(rahul.typeVotes).toEqual({ Person: 2 });
    expect(rahul.sources).toEqual(['example.org', 'example.in']);
    expect(store.file.candidates.some((c) => c.names.some((n) => /Getty/.test(n.value)))).toBe(false);
  });

  it('accepts one as an entity with its Wikidata id and names in both scripts; the build links it, candidates are never built', async () => {
    const rahul = store.proposed().find((c) => c.names.some((n) => n.value === 'Rahul Gandhi'))!;
    const kb = new KbGrowth(dataDir, () => NOW);
    expect(accept(store, kb, rahul.id, { wikidata: 'Q10218' })).toMatch(/accepted .* as Person rahul-gandhi/);
    kb.save();
    store.save();
    const people = JSON.parse(readFileSync(join(dataDir, 'entities', 'people.json'), 'utf8'));
    // The default language is the most written spelling's: the Hindi one, in the body and (by its given name) the headline.
    expect(people.find((p: { slug: string }) => p.slug === 'rahul-gandhi')).toEqual({
      slug: 'rahul-gandhi', wikidataId: 'Q10218', defaultLanguage: 'hi', names: { en: 'Rahul Gandhi', hi: 'राहुल गांधी' }, aliases: [],
    });
    expect(() => accept(store, kb, rahul.id, {})).toThrow(/no candidate/);
    const built = await buildDataSet(readSourceFiles(dataDir), { builtAt: NOW.toISOString(), hash: async (t) => String(t.length) });
    expect(built.ok).toBe(true);
    const again = textLinkerFor(dataDir);
    const out = await again(story('x', ['Rahul Gandhi spoke.']), { entities: [], bySlug: new Map() });
    expect(out.entities).toEqual(['rahul-gandhi']);
  });

  it('merges one into an entity the KB has, and rejects one for good', async () => {
    const kb = new KbGrowth(dataDir, () => NOW);
    store.add('Vladimir Vladimirovich', 'en', 's1', 'a', 'ctx', true);
    store.add('Mann Ki Baat', 'en', 's1', 'a', 'ctx', false);
    const [vv, mkb] = [store.find('Vladimir Vladimirovich')!, store.find('Mann Ki Baat')!];
    expect(merge(store, kb, vv.id, 'vladimir-putin')).toMatch(/merged/);
    expect(() => merge(store, kb, mkb.id, 'no-such-slug')).toThrow(/no entity no-such-slug/);
    expect(reject(store, mkb.id)).toMatch(/rejected/);
    store.add('Mann Ki Baat', 'en', 's2', 'b', 'ctx', false);
    expect(store.find('Mann Ki Baat')).toBeUndefined();
    kb.save();
    const putin = JSON.parse(readFileSync(join(dataDir, 'entities', 'people.json'), 'utf8')).find((p: { slug: string }) => p.slug === 'vladimir-putin');
    expect(putin.aliases).toContainEqual({ language: 'en', value: 'Vladimir Vladimirovich' });
  });
});
