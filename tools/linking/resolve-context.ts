import type { Candidate } from './find-candidates';
import type { KnowledgeBase } from './knowledge-base';

/**
 * Picks the entity a span names when its alias names several ("Congo": two countries; "Kim":
 * a person and, in another KB, a place). Each candidate scores by the context of the story:
 *
 * - given by the source itself (ninjs `people`, JSON-LD `about`): +4;
 * - each entity of the story it is related to (its country, an event's place or participants,
 *   or entities related to it) among the entities linked without doubt: +2;
 * - a person's title right before the name (राष्ट्रपति, President) and the candidate is a
 *   person: +2;
 * - the alias is one of the candidate's names in the story's language: +1.
 *
 * The best candidate wins if it scores above zero and above every other; otherwise the span
 * stays unlinked and goes to the review report: a wrong link is worse than none.
 */

export interface Resolved {
  slug?: string;
  candidates: string[];
}

export function resolveCandidates(
  candidates: Candidate[],
  kb: KnowledgeBase,
  language: string,
  given: Set<string>,
): Resolved[] {
  const sure = new Set(given);
  for (const c of candidates) if (c.alias.slugs.length === 1) sure.add(c.alias.slugs[0]!);
  const base = language.split('-')[0]!;

  return candidates.map((c) => {
    const slugs = c.alias.slugs;
    if (slugs.length === 1) return { slug: slugs[0], candidates: [...slugs] };
    const scored = slugs.map((slug, i) => {
      let score = given.has(slug) ? 4 : 0;
      for (const n of kb.neighbours.get(slug) ?? []) if (sure.has(n)) score += 2;
      if (c.afterTitle && kb.entities.get(slug) === 'Person') score += 2;
      if (c.alias.languages[i]!.some((l) => l.split('-')[0] === base)) score += 1;
      return { slug, score };
    });
    scored.sort((a, b) => b.score - a.score);
    const [best, next] = scored;
    const wins = best!.score > 0 && best!.score > (next?.score ?? 0);
    return { slug: wins ? best!.slug : undefined, candidates: [...slugs] };
  });
}
