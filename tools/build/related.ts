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
const linksOf = (a: Links): Array<[slug: string, weight: number]> => [
  ...a.people.map((s) => [s, 1] as [string, number]),
  ...a.events.map((s) => [s, EVENT_WEIGHT] as [string, number]),
  ...a.places.map((s) => [s, 1] as [string, number]),
  ...a.organizations.map((s) => [s, 1] as [string, number]),
];

const days = (date: string) => Date.parse(date.slice(0, 10)) / 86_400_000;

/** `cards` newest first, as the build lists them; returns slug -> related cards, best first. */
export function relatedArticles(cards: ArticleCard[]): Map<string, ArticleCard[]> {
  const lists = new Map<string, number[]>();
  cards.forEach((card, i) => {
    for (const [slug] of linksOf(card)) {
      const list = lists.get(slug);
      if (list) {
        if (list.at(-1) !== i) list.push(i);
      } else lists.set(slug, [i]);
    }
  });
  const placeIn = new Map<string, Map<number, number>>();
  for (const [slug, list] of lists) placeIn.set(slug, new Map(list.map((article, at) => [article, at])));
  const idf = (slug: string) => Math.log(1 + cards.length / lists.get(slug)!.length);

  const day = cards.map((c) => days(c.datePublished));
  const related = new Map<string, ArticleCard[]>();
  const scores = new Map<number, number>();
  cards.forEach((card, i) => {
    scores.clear();
    for (const [slug, weight] of new Map(linksOf(card))) {
      const list = lists.get(slug)!;
      const at = placeIn.get(slug)!.get(i)!;
      const w = weight * idf(slug);
      for (let j = Math.max(0, at - WINDOW); j <= Math.min(list.length - 1, at + WINDOW); j++) {
        if (list[j] !== i) scores.set(list[j]!, (scores.get(list[j]!) ?? 0) + w);
      }
    }
    if (scores.size === 0) return;
    // Scores rounded so that float noise in the order of additions cannot reorder ties.
    const ranked = [...scores]
      .map(([other, score]) => ({ other, score: Math.round(score * 1e9) / 1e9, distance: Math.abs(day[other]! - day[i]!) }))
      .sort(
        (a, b) =>
          b.score - a.score ||
          a.distance - b.distance ||
          // Lists are newest first: a smaller index is the newer article, then the smaller slug.
          a.other - b.other,
      );
    related.set(card.slug, ranked.slice(0, RELATED_MAX).map((r) => cards[r.other]!));
  });
  return related;
}
