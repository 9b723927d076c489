import type { LocalizedText } from './entity-docs';
import type { EntityLinks } from './entity-kinds';
import type { BodyBlockDoc } from './body-docs';
import type { ImageDoc } from './image-docs';

export type { ImageDoc, ImageFileDoc } from './image-docs';
import type { DatePrecision } from './schema-enums.gen';

/**
 * The article documents (documents.ts): the card that list pages embed, and the whole
 * article with its body, mentions, images, subjects, authors, origin and translations.
 */

/**
 * Everything about an article except its body: small enough to embed in list pages, so a
 * page of articles with their people costs no read per article.
 */
export interface ArticleCard extends LinkedSlugs {
  type: 'Article';
  slug: string;
  headline: string;
  language: string;
  dateline?: string;
  datelinePlace?: string;
  /** YYYY-MM-DD: what lists sort and date ranges compare (the source's local date). */
  datePublished: string;
  /** RFC 3339 date-time with the source's offset, when the source gave a time. */
  datePublishedTime?: string;
  /** A date or an RFC 3339 date-time, as precise as the source gave it. */
  dateModified?: string;
  datePublishedPrecision: DatePrecision;
  datePublishedInferred: boolean;
  dateNote?: string;
  source?: string;
  /** Canonical URL on the publisher's site. */
  url?: string;
  /** Other URLs of the same story (AMP, mobile, the page it was read from), as the source gave them. */
  alternateUrls?: string[];
  byline?: string;
  summary?: string;
  section?: string;
  /** Its subjects and authors, when it has any: small, and what a card or a topic filter needs. */
  subjects?: SubjectDoc[];
  authors?: AuthorDoc[];
  /**
   * The lead picture (the first of the article's images) with its renditions and alt text, or
   * null when it has none: what a card shows, so a page of cards reads no article document.
   * Absent only from cards built before cards carried it (then the article is read for it).
   */
  image?: ImageDoc | null;
  version?: number;
  /** ninjs urgency, 1 (most urgent) to 9, as the source gave it. */
  urgency?: number;
  /** Present (true) only for breaking news. */
  breaking?: true;
  wordCount: number;
}

/** Entity slugs by kind (people, events, places, organizations), in order of first mention (then curated order). */
type LinkedSlugs = Record<EntityLinks, string[]>;

/** A mention as stored: paragraph index, UTF-16 start and end, entity slug. */
export type MentionTuple = [paragraph: number, start: number, end: number, entity: string];

/** An IPTC Media Topic (code + name), another scheme's code, or a free tag (name only). */
export interface SubjectDoc {
  name: string;
  code?: string;
  uri?: string;
}

export interface AuthorDoc {
  name: string;
  /** A page about the author on the publisher's site. */
  url?: string;
  /** The source's identifier of the author (ninjs `uri`, JSON-LD `@id`). */
  id?: string;
  /** Other pages that identify the author (schema.org `sameAs`). */
  sameAs?: string[];
  /** The name per language and script, where the source gives more than the byline (`hi` and `hi-Latn`). */
  names?: LocalizedText[];
  /** Slug of the Person this author is, where known. */
  person?: string;
}

export type SourceFormat = 'NINJS' | 'JSON_LD' | 'HTML' | 'RSS' | 'ATOM';

/** Where an ingested story came from. */
export interface OriginDoc {
  format: SourceFormat;
  formatVersion?: string;
  uri?: string;
  url?: string;
}

export interface TranslationDoc {
  language: string;
  slug?: string;
  url?: string;
}

/** The whole article: the card, its body, and what only its own page shows. */
export interface ArticleDoc extends ArticleCard {
  paragraphs: string[];
  /** The body as typed blocks (body-docs.ts); absent when it is the paragraphs alone. */
  body?: BodyBlockDoc[];
  mentions: MentionTuple[];
  authors: AuthorDoc[];
  images: ImageDoc[];
  subjects: SubjectDoc[];
  copyright?: string;
  origin?: OriginDoc;
  translations: TranslationDoc[];
}
