import type { EntityRef } from './documents';

/**
 * The KV key layout. Every data key lives under its data version, so a new data set is
 * written beside the old one and readers move to it when the one pointer key changes.
 *
 *   current                        -> VersionPointer (written last)
 *   history                        -> the complete versions kept in KV (src/build/publish.ts)
 *   v:<ver>:a:<slug>               -> ArticleDoc
 *   v:<ver>:e:<slug>               -> EntityDoc (slugs are unique across entity kinds)
 *   v:<ver>:h:<list>               -> ListHead
 *   v:<ver>:l:<list>:<chunk>       -> ListChunk
 *
 * KV keys are at most 512 bytes; slugs are at most 120 ASCII characters (data/format).
 */

export const POINTER_KEY = 'current';
export const HISTORY_KEY = 'history';

/** Items per list chunk: a page (at most 100 items) spans at most two chunks. */
export const LIST_CHUNK_SIZE = 100;

export const articleKey = (version: string, slug: string): string => `v:${version}:a:${slug}`;
export const entityKey = (version: string, slug: string): string => `v:${version}:e:${slug}`;
export const listHeadKey = (version: string, list: string): string => `v:${version}:h:${list}`;
export const listChunkKey = (version: string, list: string, chunk: number): string =>
  `v:${version}:l:${list}:${chunk}`;

/** The prefix of every key of one version: what a clean-up deletes. */
export const versionPrefix = (version: string): string => `v:${version}:`;

/**
 * List names. Articles are kept newest first, events by start date, people by name.
 * A list about one entity is named after the entity's type and slug, so a filter that names
 * a slug of the wrong kind finds an empty list.
 */
export const lists = {
  articles: 'articles',
  articlesInLanguage: (language: string) => `articles@lang:${language}`,
  articlesAbout: (entity: EntityRef) => `articles@${entity.type}:${entity.slug}`,
  events: 'events',
  eventsWith: (entity: EntityRef) => `events@${entity.type}:${entity.slug}`,
  people: 'people',
} as const;
