/**
 * Which screen a reader opens next: article pages half the time, chosen with the skew of real
 * readership (today's stories newest first, then the archive, Zipf over that order), the
 * feeds, entity pages, searches and type-ahead for the rest. Operations are the shipped ones
 * (operations/*.graphql) as bench/operations.ts reads them.
 */
import events from '../../data/entities/events.json';
import organizations from '../../data/entities/organizations.json';
import people from '../../data/entities/people.json';
import places from '../../data/entities/places.json';
import { SEED_SLUG } from '../../tools/fixtures/screens';
import { ALL_OPERATIONS, type Operation } from '../operations';
import { zipfPicker } from './day-plan';
import { storySlug } from './desk';
import type { Ask } from './readers';

const op = (name: string): Operation => ALL_OPERATIONS.find((o) => o.name === name)!;
const SEARCHES = ['पुतिन', 'किम जोंग उन', 'trade', 'सरकार बैठक', 'North Korea', 'उपग्रह प्रक्षेपण'];
const PREFIXES = ['कि', 'पु', 'mo', 'ki'];
const ENTITY_PAGES: Array<[string, string]> = [
  ...people.map((p): [string, string] => ['person-page', p.slug]),
  ...events.map((e): [string, string] => ['event-page', e.slug]),
  ...organizations.map((o): [string, string] => ['organization-page', o.slug]),
  ...places.slice(0, 20).map((p): [string, string] => ['place-page', p.slug]),
];

/** `today`: the day's live stories, newest first; `corpus`: the archive's size. */
export function screenChooser(rand: () => number, today: number[], corpus: number): () => Ask {
  const ranked = [...today.map(storySlug), SEED_SLUG];
  const archive = zipfPicker(ranked.length + Math.min(corpus, 5000), rand);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const ask = (name: string, variables: Record<string, unknown>): Ask => ({ key: `${name} ${JSON.stringify(variables)}`, operation: op(name), variables });
  return () => {
    const r = rand();
    if (r < 0.5) {
      const i = archive();
      return ask('article-page', { slug: i < ranked.length ? ranked[i]! : storySlug(1 + (((i - ranked.length) * 7919) % Math.max(1, corpus))) });
    }
    if (r < 0.7) return ask('latest-articles', pick([{ first: 20 }, { first: 20, language: 'hi' }, { first: 20, language: 'en' }]));
    if (r < 0.85) {
      const [name, slug] = pick(ENTITY_PAGES);
      return ask(name, { slug });
    }
    if (r < 0.95) return ask('search', { query: pick(SEARCHES) });
    return ask('type-ahead', { prefix: pick(PREFIXES) });
  };
}
