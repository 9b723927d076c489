import type { ArticleCard } from './article-docs';
import type { LocalizedText } from './entity-docs';
import { sectionKey, subjectKey } from './topic-keys';

/**
 * The listings of sections and subjects (`v:<ver>:k:sections`, `v:<ver>:k:subjects`): each
 * handle (src/model/topic-keys.ts) with the name most of its articles give, that name per
 * language (an article names its section and subjects in its own language), and how many
 * articles it has; most articles first. Built in full by the build and adjusted by a publish.
 */
export interface TopicEntry {
  key: string;
  name: string;
  names: LocalizedText[];
  count: number;
}

export interface TopicListing {
  /** Handles in all, beyond those kept. */
  total: number;
  entries: TopicEntry[];
}

export type TopicKind = 'sections' | 'subjects';

/** Subjects kept in their listing (free tags are many; a screen shows the most used); every section is. */
export const LISTING_KEEPS: Record<TopicKind, number> = { sections: Number.MAX_SAFE_INTEGER, subjects: 1000 };

/** What a card names under each kind: handle and name, in the card's language. */
export function topicsOf(card: Pick<ArticleCard, 'section' | 'subjects' | 'language'>, kind: TopicKind): Array<{ key: string; name: string; language: string }> {
  const named = kind === 'sections'
    ? (card.section !== undefined ? [{ key: sectionKey(card.section), name: card.section.trim() }] : [])
    : (card.subjects ?? []).map((s) => ({ key: subjectKey(s), name: s.name.trim() }));
  const seen = new Set<string>();
  return named.filter((t) => !seen.has(t.key) && seen.add(t.key)).map((t) => ({ ...t, language: card.language }));
}

const byCount = (a: TopicEntry, b: TopicEntry) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Most-given name first, then the first in code-point order: the same for any order of the cards. */
function mostGiven(counts: Map<string, number>): string {
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]![0];
}

/** The listing of `kind` over every card of a version. */
export function buildListing(cards: Iterable<ArticleCard>, kind: TopicKind): TopicListing {
  const tally = new Map<string, { count: number; names: Map<string, number>; byLanguage: Map<string, Map<string, number>> }>();
  for (const card of cards) {
    for (const t of topicsOf(card, kind)) {
      const entry = tally.get(t.key) ?? tally.set(t.key, { count: 0, names: new Map(), byLanguage: new Map() }).get(t.key)!;
      entry.count++;
      entry.names.set(t.name, (entry.names.get(t.name) ?? 0) + 1);
      const language = entry.byLanguage.get(t.language) ?? entry.byLanguage.set(t.language, new Map()).get(t.language)!;
      language.set(t.name, (language.get(t.name) ?? 0) + 1);
    }
  }
  const entries = [...tally].map(([key, e]): TopicEntry => ({
    key,
    name: mostGiven(e.names),
    names: [...e.byLanguage].sort(([a], [b]) => (a < b ? -1 : 1)).map(([language, names]) => ({ language, value: mostGiven(names) })),
    count: e.count,
  }));
  return { total: entries.length, entries: entries.sort(byCount).slice(0, LISTING_KEEPS[kind]) };
}

/**
 * A listing after a publish that took `removed` cards out and put `added` in: counts move,
 * handles with no article left go, new ones come in with the names their cards give. (A subject
 * past the kept ones is counted again at the next full build.)
 */
export function adjustListing(listing: TopicListing | null, removed: readonly ArticleCard[], added: readonly ArticleCard[], kind: TopicKind): TopicListing {
  const entries = new Map((listing?.entries ?? []).map((e) => [e.key, { ...e, names: [...e.names] }]));
  let total = listing?.total ?? 0;
  for (const card of removed) {
    for (const t of topicsOf(card, kind)) {
      const entry = entries.get(t.key);
      if (entry && --entry.count <= 0) {
        entries.delete(t.key);
        total--;
      }
    }
  }
  for (const card of added) {
    for (const t of topicsOf(card, kind)) {
      let entry = entries.get(t.key);
      if (!entry) {
        entry = { key: t.key, name: t.name, names: [], count: 0 };
        entries.set(t.key, entry);
        total++;
      }
      entry.count++;
      if (!entry.names.some((n) => n.language === t.language)) entry.names.push({ language: t.language, value: t.name });
    }
  }
  return { total, entries: [...entries.values()].sort(byCount).slice(0, LISTING_KEEPS[kind]) };
}
