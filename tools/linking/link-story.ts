import type { Word } from '../../src/text/words';
import { findCandidates } from './find-candidates';
import type { KnowledgeBase } from './knowledge-base';
import { resolveCandidates } from './resolve-context';
import { resolveGiven, type GivenLink } from './source-links';
import { unknownNames } from './unknown-names';

/**
 * Entity linking for one story: the links the source gives first, then the names in its text,
 * an ambiguous name resolved by the story's context or left unlinked; what looks like a name
 * but is in no KB entry is returned for the review report. Pure: no I/O, the KB is passed in.
 */

export interface StoryText {
  language: string;
  /** Headline first if it should be linked too; offsets refer to these strings. */
  paragraphs: string[];
  given?: GivenLink[];
  /** The words of each paragraph, when the caller has segmented them already. */
  words?: Word[][];
  /** Look for names the KB lacks (the review report); the build, which writes no report, skips it. */
  review?: boolean;
}

export interface LinkedMention {
  paragraph: number;
  start: number;
  end: number;
  slug: string;
}

export interface ReviewItem {
  paragraph: number;
  start: number;
  end: number;
  name: string;
  /** Entities the name could be, when it names several and the context did not decide. */
  candidates?: string[];
  /** A title or honorific stood by the name (unknown names only). */
  titled?: boolean;
}

export interface StoryLinks {
  mentions: LinkedMention[];
  /** Every linked entity once: the source's first, then by first mention. */
  entities: Array<{ slug: string; via: 'source' | 'text' }>;
  /** Source links that matched no KB entity (no Wikidata id known, no unique name). */
  unmatchedGiven: GivenLink[];
  review: ReviewItem[];
}

export function linkStory(story: StoryText, kb: KnowledgeBase): StoryLinks {
  const given = resolveGiven(story.given ?? [], kb);
  const givenSlugs = new Set(given.flatMap((g) => (g.slug ? [g.slug] : [])));
  const candidates = findCandidates(story.paragraphs, kb, story.language, story.words);
  const resolved = resolveCandidates(candidates, kb, story.language, givenSlugs);

  const mentions: LinkedMention[] = [];
  const review: ReviewItem[] = [];
  candidates.forEach((c, i) => {
    const { slug, candidates: slugs } = resolved[i]!;
    const span = { paragraph: c.paragraph, start: c.start, end: c.end };
    if (slug) mentions.push({ ...span, slug });
    else review.push({ ...span, name: story.paragraphs[c.paragraph]!.slice(c.start, c.end), candidates: slugs });
  });
  if (story.review !== false) for (const n of unknownNames(story.paragraphs, story.language, candidates, story.words)) review.push(n);

  const entities = new Map<string, 'source' | 'text'>();
  for (const slug of givenSlugs) entities.set(slug, 'source');
  for (const m of mentions) if (!entities.has(m.slug)) entities.set(m.slug, 'text');
  return {
    mentions,
    entities: [...entities].map(([slug, via]) => ({ slug, via })),
    unmatchedGiven: given.filter((g) => !g.slug).map((g) => g.link),
    review: review.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start),
  };
}
