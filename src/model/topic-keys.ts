import type { ArticleCard, AuthorDoc, SubjectDoc } from './article-docs';

/**
 * The handles of the newsroom's own groupings, shared by the build (lists and listings) and the
 * filters: a section by its name, a subject by its code (an IPTC Media Topic such as
 * `medtop:15000000`) or, for a free tag, by its name, an author by name. A name's handle is the
 * name in Unicode NFC, trimmed, single-spaced and lower-cased, so `World`, `world ` and `WORLD`
 * are one section, and precomposed and combining Devanagari (क़ and क + ़) one tag.
 */
export const nameKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();

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

export const authorKey = (author: Pick<AuthorDoc, 'name'>): string => nameKey(author.name);

/** The section, subject and author handles a card is listed under (each once). */
export function topicKeysOf(card: Pick<ArticleCard, 'section' | 'subjects' | 'authors'>): {
  section: string[];
  subject: string[];
  author: string[];
} {
  return {
    section: card.section !== undefined ? [sectionKey(card.section)] : [],
    subject: [...new Set((card.subjects ?? []).map(subjectKey))],
    author: [...new Set((card.authors ?? []).map(authorKey))],
  };
}
