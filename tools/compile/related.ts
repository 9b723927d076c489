import type { ArticleCard } from '../../src/model/documents';
import { RELATED_MAX } from '../../src/model/keys';

/**
 * Related stories, computed once at build time: for each article, the other articles that
 * share its people, events, places and organizations, best first.
 *
 * Score: the sum, over the entities both articles link to, of the entity's inverse document
 * frequency ln(1 + N / df) (Spärck Jones 1972): sharing a rare entity says more than sharing
 * "Russia". Events count double: two stories about one event are the closest kin. Ties go to
 * the article nearer in date, then the newer, then the slug.
 *
 * Cost is bounded at any corpus size: candidates come only from each entity's article list
 * within WINDOW places of the article itself (the list is newest first), so an entity that
 * thousands of articles link to brings at most 2 x WINDOW candidates, not thousands.
 */
export const WINDOW = 25;
const EVENT_WEIGHT = 2;

type Links = Pick<ArticleCard, 'people' | 'events' | 'places' | 'organizations'>;
export const linksOf = (a: Links): Array<[slug: string, weight: number]> => [
  ...a.people.map((s) => [s, 1] as [string, number]),
  ...a.events.map((s) => [s, EVENT_WEIGHT] as [string, number]),
  ...a.places.map((s) => [s, 1] as [string, number]),
  ...a.organizations.map((s) => [s, 1] as [string, number]),
];

/** ln(1 + N / df): an entity shared by few of the N articles weighs more. */
export const idfOf = (articles: number, linking: number): number => Math.log(1 + articles / linking);
export const days = (date: string) => Date.parse(date.slice(0, 10)) / 86_400_000;

/** The place of `i` in `list`, which holds article numbers ascending (binary search). */
function placeOf(list: number[], i: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `cards` newest first, as the build lists them; returns slug -> related cards, best first. */
export function relatedArticles(cards: ArticleCard[]): Map<string, ArticleCard[]> {
  // Each entity's articles by number, ascending (cards are visited in order).
  const lists = new Map<string, number[]>();
  cards.forEach((card, i) => {
    for (const [slug] of linksOf(card)) {
      const list = lists.get(slug);
      if (list) {
        if (list.at(-1) !== i) list.push(i);
      } else lists.set(slug, [i]);
    }
  });
  const idf = (slug: string) => idfOf(cards.length, lists.get(slug)!.length);

  const day = cards.map((c) => days(c.datePublished));
  const related = new Map<string, ArticleCard[]>();
  // Scores by article number, and the numbers touched: a million articles' candidates are
  // summed without a Map per article. Every weight is positive, so 0 means "not a candidate";
  // each candidate's sum is added in the same order as before, so it is the same number.
  const scores = new Float64Array(cards.length);
  const touched: number[] = [];
  cards.forEach((card, i) => {
    for (const [slug, weight] of new Map(linksOf(card))) {
      const list = lists.get(slug)!;
      const at = placeOf(list, i);
      const w = weight * idf(slug);
      for (let j = Math.max(0, at - WINDOW); j <= Math.min(list.length - 1, at + WINDOW); j++) {
        const other = list[j]!;
        if (other === i) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + w;
      }
    }
    if (touched.length === 0) return;
    const ranked = rankRelated(touched.map((other) => ({ item: other, score: scores[other]!, distance: Math.abs(day[other]! - day[i]!), order: other })));
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
    related.set(card.slug, ranked.map((other) => cards[other]!));
  });
  return related;
}

/** A candidate related story: its summed score, distance in days, and place newest first. */
export interface Scored<T> {
  item: T;
  score: number;
  distance: number;
  order: number;
}

/** The best RELATED_MAX candidates: by score, then nearer in date, then newer, then slug (`order`). */
export function rankRelated<T>(scored: Array<Scored<T>>): T[] {
  // Scores rounded so that float noise in the order of additions cannot reorder ties.
  return scored
    .map((s) => ({ ...s, score: Math.round(s.score * 1e9) / 1e9 }))
    .sort((a, b) => b.score - a.score || a.distance - b.distance || a.order - b.order)
    .slice(0, RELATED_MAX)
    .map((s) => s.item);
}
