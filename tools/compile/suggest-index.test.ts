import { describe, expect, it } from 'vitest';
import type { EntityDoc } from '../../src/model/documents';
import { deepestBucket, pathBuckets, SUGGEST_BUCKET_MAX, SUGGEST_HEAD, SUGGEST_MAX_DEPTH } from '../../src/search/suggest-buckets';
import { generatedEntity } from '../fixtures/kb-generated';
import { buildSuggestBuckets, entityWords } from './suggest-index';

const docs = (n: number, from = 0): EntityDoc[] =>
  Array.from({ length: n }, (_, k) => {
    const g = generatedEntity(from + k) as { slug: string; names: Record<string, string>; aliases: Array<{ language: string; value: string }> };
    return { slug: g.slug, type: 'Person', names: Object.entries(g.names).map(([language, value]) => ({ language, value })), aliases: g.aliases } as unknown as EntityDoc;
  });

describe('the type-ahead bucket trie', () => {
  it('keeps one bucket per first character while the KB is small', () => {
    const { buckets, depth } = buildSuggestBuckets(docs(50), []);
    expect(depth).toBe(1);
    expect([...buckets.keys()].filter((b) => Array.from(b.replace(/^~/, '')).length !== 1)).toEqual([]);
  });

  it('splits past the bound, and the deepest bucket on each word path holds the word', () => {
    const all = docs(20_000);
    const { buckets, depth } = buildSuggestBuckets(all, []);
    expect(depth).toBeGreaterThan(1);
    expect(depth).toBeLessThanOrEqual(SUGGEST_MAX_DEPTH);
    for (const entries of buckets.values()) expect(entries.length).toBeLessThanOrEqual(SUGGEST_BUCKET_MAX + SUGGEST_HEAD);
    // Every word of every 97th entity that fewer entities share than a bucket holds ("Institute" is every organisation's).
    const sharing = new Map<string, number>();
    for (const d of all) for (const w of new Set(entityWords(d))) sharing.set(w, (sharing.get(w) ?? 0) + 1);
    let checked = 0;
    for (const d of all.filter((_, i) => i % 97 === 0)) {
      for (const w of entityWords(d)) {
        if (sharing.get(w)! > SUGGEST_BUCKET_MAX) continue;
        checked++;
        expect(deepestBucket(w, depth, buckets).some((e) => e[0] === w && e[1] === d.slug), `${w} ${d.slug}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('keeps the entities in most articles in a split bucket', () => {
    const all = docs(20_000);
    const popular = all[4321]!;
    const { buckets, depth } = buildSuggestBuckets(all, [{ people: [popular.slug], places: [], organizations: [], events: [] } as never]);
    const first = entityWords(popular)[0]!;
    expect(buckets.get(pathBuckets(first, depth)[0]!)!.some((e) => e[1] === popular.slug && e[3] === 1)).toBe(true);
  });
});
