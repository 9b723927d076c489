import type { ArticleCard, EntityDoc } from '../../src/model/documents';
import { linkedSlugs } from '../../src/model/entity-kinds';
import { bucketOf, keyTerm, type SuggestBucket, type SuggestEntry } from '../../src/search/index-format';
import { fold } from '../../src/text/analyze';
import { nameKey } from '../../src/text/name-key';
import { words } from '../../src/text/words';

/**
 * The type-ahead index: every word of every name and alias of every entity, folded
 * (analyze.ts `fold`), and its cross-script key, bucketed by first character so that one
 * prefix reads one bucket of native words and one of keys (`~k` for किम and kim alike).
 * Entries carry the entity's article count, so popular entities come first.
 */
export function buildSuggestBuckets(entities: EntityDoc[], cards: ArticleCard[]): Map<string, SuggestBucket> {
  const articleCount = new Map<string, number>();
  for (const card of cards) {
    for (const slug of new Set(linkedSlugs(card))) {
      articleCount.set(slug, (articleCount.get(slug) ?? 0) + 1);
    }
  }
  const buckets = new Map<string, Map<string, SuggestEntry>>();
  const add = (word: string, entity: EntityDoc) => {
    if (!word) return;
    const bucket = bucketOf(word);
    const entries = buckets.get(bucket) ?? new Map<string, SuggestEntry>();
    entries.set(`${word}\t${entity.slug}`, [word, entity.slug, entity.type, articleCount.get(entity.slug) ?? 0]);
    buckets.set(bucket, entries);
  };
  for (const entity of entities) for (const word of entityWords(entity)) add(word, entity);
  return new Map(
    [...buckets].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([bucket, entries]) => [
      bucket,
      [...entries.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1)),
    ]),
  );
}

/** The folded words and cross-script keys an entity is suggested under (each bucketOf a key). */
export function entityWords(entity: EntityDoc): string[] {
  const out: string[] = [];
  for (const name of [...entity.names, ...entity.aliases]) {
    for (const w of words(name.value)) {
      out.push(fold(w.text));
      const key = nameKey(w.text);
      if (key) out.push(keyTerm(key));
    }
  }
  return out.filter(Boolean);
}
