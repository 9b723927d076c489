import type { ArticleCard } from '../../src/model/documents';
import { linkedTypes } from '../../src/model/entity-kinds';
import { lists } from '../../src/model/keys';
import { compareInList, cursorKeyOf } from '../../src/model/sort-key';
import { NEWEST_FIRST } from '../compile/article-lists';
import type { ListsAfter } from './delta-lists';
import { days, idfOf, linksOf, rankRelated, WINDOW } from '../compile/related';

/**
 * Related stories in a publish (tools/compile/related.ts). Recomputed exactly, as a full build
 * would, for each new or changed article: its candidates come from the WINDOW places either
 * side of it in its entities' lists, which this publish already holds. Other articles' lists
 * are not re-ranked (a new story enters older stories' related lists at the next full build):
 * re-ranking them would read every list their own entities are in. What a publish does fix in
 * them is the card: an article corrected or withdrawn is looked for in the related lists of the
 * articles around it (NEIGHBOURS places either side, in each of its lists), and its card there
 * is replaced or dropped.
 */
export const NEIGHBOURS = 2 * WINDOW;

export interface RelatedChange {
  upserts: ArticleCard[];
  /** The cards to replace (by slug) in other articles' related lists; null drops the article. */
  patched: Map<string, ArticleCard | null>;
  /** Where each patched article was: a card (old or new) to find its neighbourhood by. */
  placedBy: Map<string, ArticleCard>;
}

export interface RelatedDelta {
  values: Map<string, ArticleCard[]>;
  deleted: string[];
}

const aboutLists = (card: ArticleCard) => [...linkedTypes(card)].map(([slug, type]) => lists.articlesAbout({ type, slug }));

export async function relatedDelta(
  change: RelatedChange,
  after: ListsAfter,
  articleCount: number,
  readRelated: (slugs: string[]) => Promise<Map<string, ArticleCard[] | null>>,
): Promise<RelatedDelta> {
  const values = new Map<string, ArticleCard[]>();
  const deleted: string[] = [];
  for (const card of change.upserts) {
    const scores = new Map<string, { card: ArticleCard; score: number }>();
    const types = linkedTypes(card);
    for (const [slug, weight] of new Map(linksOf(card))) {
      const list = lists.articlesAbout({ type: types.get(slug)!, slug });
      const { items, at } = await after.around(list, cursorKeyOf(card), WINDOW);
      const w = weight * idfOf(articleCount, after.total(list));
      items.forEach((item, j) => {
        if (j !== at) scores.set(item.slug, { card: item as ArticleCard, score: (scores.get(item.slug)?.score ?? 0) + w });
      });
    }
    const newestFirst = [...scores.values()].sort((a, b) => compareInList(NEWEST_FIRST, cursorKeyOf(a.card), cursorKeyOf(b.card)));
    const ranked = rankRelated(
      newestFirst.map((s, order) => ({ item: s.card, score: s.score, distance: Math.abs(days(s.card.datePublished) - days(card.datePublished)), order })),
    );
    if (ranked.length > 0) values.set(card.slug, ranked);
    else deleted.push(card.slug);
  }

  const around = new Set<string>();
  for (const [slug, card] of change.placedBy) {
    for (const list of aboutLists(card)) {
      if (after.total(list) === 0) continue;
      for (const item of (await after.around(list, cursorKeyOf(card), NEIGHBOURS)).items) if (item.slug !== slug) around.add(item.slug);
    }
  }
  const stored = await readRelated([...around].filter((s) => !values.has(s)));
  for (const [slug, related] of stored) {
    if (!related?.some((r) => change.patched.has(r.slug))) continue;
    const patched = related.flatMap((r) => (change.patched.has(r.slug) ? (change.patched.get(r.slug) ? [change.patched.get(r.slug)!] : []) : [r]));
    if (patched.length > 0) values.set(slug, patched);
    else deleted.push(slug);
  }
  return { values, deleted };
}
