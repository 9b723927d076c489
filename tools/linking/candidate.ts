import type { Alias, KnowledgeBase } from './knowledge-base';

/**
 * A name found in a story's text, before it is resolved to one entity: the span it covers and
 * the KB alias it matched. Found by word (find-candidates.ts) or, in Han and kana, by
 * character (cjk-candidates.ts).
 */
export interface Candidate {
  paragraph: number;
  start: number;
  end: number;
  alias: Alias;
  /** A title stands right before the name (राष्ट्रपति पुतिन, President Putin). */
  afterTitle: boolean;
}

/** Whether an alias names an event: a name inside an event's name is still linked on its own. */
export const namesEvent = (kb: KnowledgeBase, alias: Alias): boolean =>
  alias.slugs.some((slug) => kb.entities.get(slug) === 'Event');
