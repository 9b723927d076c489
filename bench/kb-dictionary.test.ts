import { describe, expect, it } from 'vitest';
import { entityFilesWith, generatedName, kindOf } from './kb-entities';
import { addEntity, buildKnowledgeBase, kbEntities, type Alias, type DataSetLike, type KnowledgeBase } from '../tools/linking/knowledge-base';

const withGenerated = (n: number): KnowledgeBase => {
  const files = Object.fromEntries(entityFilesWith(n).map((f) => [f.path.slice(9, -5), JSON.parse(Buffer.from(f.read().bytes).toString('utf8'))]));
  return buildKnowledgeBase(kbEntities(files as unknown as DataSetLike));
};
const aliasesOf = (kb: KnowledgeBase): Alias[] => [...kb.byAliasKey.values()];

describe('knowledge base', () => {
  it('holds one alias per distinct name, surnames shared, and one copy of each small list', () => {
    const n = 20_000;
    const own = withGenerated(0);
    const kb = withGenerated(n);
    const surnames = new Set<string>();
    for (let i = 0; i < n; i++) if (kindOf(i) === 'people') surnames.add(generatedName(i).en[1]);
    // Each generated entity: its Latin and Devanagari names; people also their family name, which others share.
    expect(kb.byAliasKey.size - own.byAliasKey.size).toBe(2 * n + surnames.size);
    expect(kb.entities.size - own.entities.size).toBe(n);
    const aliases = aliasesOf(kb);
    for (const list of ['acronym', 'gaps'] as const) {
      expect(new Set(aliases.map((a) => a[list])).size).toBe(new Set(aliases.map((a) => JSON.stringify(a[list]))).size);
    }
    const languages = aliases.flatMap((a) => a.languages);
    expect(new Set(languages).size).toBe(new Set(languages.map((l) => JSON.stringify(l))).size);
    expect(aliases.every((a) => a.slugs.length === a.languages.length && new Set(a.slugs).size === a.slugs.length)).toBe(true);
    const family = generatedName(0).en[1];
    const shared = aliases.find((a) => a.words.join(' ') === family)!;
    expect(shared.slugs.length).toBe([...Array(n).keys()].filter((i) => kindOf(i) === 'people' && generatedName(i).en[1] === family).length);
    expect(shared.slugs.length).toBeGreaterThan(100);
  });

  it('keeps each entity an alias names once, with every language it is that name in', () => {
    const kb = buildKnowledgeBase([
      { slug: 'berlin', type: 'Place', names: [{ language: 'en', value: 'Berlin' }, { language: 'de', value: 'Berlin' }], related: [] },
      { slug: 'berlin-nh', type: 'Place', names: [{ language: 'en', value: 'Berlin' }], related: [] },
    ]);
    addEntity(kb, { slug: 'berlin', type: 'Place', names: [{ language: 'fr', value: 'Berlin' }], related: [] });
    const alias = aliasesOf(kb)[0]!;
    expect(alias.slugs).toEqual(['berlin', 'berlin-nh']);
    expect(alias.languages).toEqual([['de', 'en', 'fr'], ['en']]);
    expect(kb.entities.get('berlin')).toBe('Place');
  });
});
