import type { ArticleCard, SubjectDoc } from './article-docs';
import { authorSlug, slugify } from './author-identity';
import { lists } from './keys';
import { nameKey } from './name-handle';

export { nameKey };

/**
 * The handles of the newsroom's own groupings, shared by the build (lists and listings) and the
 * filters: a section by its name, a subject by its code (an IPTC Media Topic such as
 * `medtop:15000000`) or, for a free tag, by its name (src/model/name-handle.ts), an author by
 * slug (src/model/author-identity.ts).
 */
export const sectionKey = (section: string): string => nameKey(section);

export const subjectKey = (subject: Pick<SubjectDoc, 'name' | 'code'>): string =>
  subject.code !== undefined && subject.code.trim() !== '' ? subject.code.trim() : `tag:${nameKey(subject.name)}`;

/**
 * A subject handle as a client types it (a filter or `subject(key:)`): a code as given, a free
 * tag's name normalized like the build's, so `tag:World` finds the tag stored as `tag:world`.
 */
export const subjectHandle = (key: string): string => {
  const handle = key.trim();
  return handle.startsWith('tag:') ? `tag:${nameKey(handle.slice('tag:'.length))}` : handle;
};

/**
 * A section, subject or author as a client names it (an `articles` filter, a `lists=` name of
 * GET /updates): its handle, normalized as the build's, and the stored list of its articles.
 */
export const TOPIC_FILTERS = {
  section: { handle: sectionKey, list: lists.articlesInSection },
  subject: { handle: subjectHandle, list: lists.articlesOnSubject },
  author: { handle: (author: string) => slugify(author), list: lists.articlesBy },
} as const;
export type TopicFilter = keyof typeof TOPIC_FILTERS;

/** The section, subject and author handles a card is listed under (each once). */
export function topicKeysOf(card: Pick<ArticleCard, 'section' | 'subjects' | 'authors'>): {
  section: string[];
  subject: string[];
  author: string[];
} {
  return {
    section: card.section !== undefined ? [sectionKey(card.section)] : [],
    subject: [...new Set((card.subjects ?? []).map(subjectKey))],
    author: [...new Set((card.authors ?? []).map(authorSlug))],
  };
}
