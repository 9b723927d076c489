import type { AuthorDoc, ImageDoc, SourceFormat, SubjectDoc } from '../../src/model/documents';
import type { RawBlock } from './html-blocks';

/**
 * An entity the source itself links the story to: ninjs `people/places/organisations/events`,
 * JSON-LD `about`/`mentions`. `uri` is the source's identifier (a Wikidata entity URI where the
 * source gives one), for the linking step (link-hook.ts) to match.
 */
export interface SourceEntity {
  kind: 'person' | 'place' | 'organisation' | 'event' | 'thing';
  name?: string;
  uri?: string;
  /** Wikidata item from `uri` or `sameAs`, such as Q7747. */
  wikidataId?: string;
  /** ninjs `rel` (about, mentions) or the JSON-LD property it came from. */
  rel?: string;
}

/**
 * One story as read from any format, before it becomes an article file: the common model the
 * readers (ninjs.ts, json-ld.ts, page.ts, feed.ts) produce and to-article.ts consumes.
 */
export interface Story {
  format: SourceFormat;
  formatVersion?: string;
  /** The source's identifier (ninjs uri, RSS guid, Atom id, JSON-LD @id). */
  uri?: string;
  /** The canonical URL on the publisher's site. */
  url?: string;
  headline?: string;
  /** BCP 47 as the source gives it. */
  language?: string;
  paragraphs: string[];
  /** The structure the source's markup gives the body (html-blocks.ts), aligned with `paragraphs` by to-article.ts. */
  blocks?: RawBlock[];
  /** Why the source's candidate bodies were refused (a placeholder, a teaser), for the error when none is left. */
  bodyRefused?: string[];
  byline?: string;
  authors: AuthorDoc[];
  summary?: string;
  images: ImageDoc[];
  subjects: SubjectDoc[];
  section?: string;
  copyright?: string;
  /** The source's own version number of the story. */
  version?: number;
  /** ninjs urgency, 1 (most urgent) to 9. */
  urgency?: number;
  /** Dates as the source wrote them; to-article.ts normalises and checks them. */
  datePublished?: string;
  dateModified?: string;
  embargoedUntil?: string;
  /** ninjs pubStatus: withheld and canceled remove a story. */
  pubStatus?: string;
  translations: Array<{ language: string; url?: string }>;
  entities: SourceEntity[];
}

/** A story read from one item of an input, or the reason it could not be read. */
export type ReadItem = { where: string; story: Story } | { where: string; error: string };

export const emptyStory = (format: SourceFormat, formatVersion?: string): Story => ({
  format,
  formatVersion,
  paragraphs: [],
  authors: [],
  images: [],
  subjects: [],
  translations: [],
  entities: [],
});

/** Wikidata item of an entity URI (http://www.wikidata.org/entity/Q7747, .../wiki/Q7747). */
export function wikidataIdOf(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    const u = new URL(uri);
    if (!/(^|\.)wikidata\.org$/.test(u.hostname)) return undefined;
    const last = u.pathname.split('/').pop() ?? '';
    return /^Q[1-9][0-9]*$/.test(last) ? last : undefined;
  } catch {
    return undefined;
  }
}
