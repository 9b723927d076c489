import type { ArticleCard, ArticleDoc } from '../../src/model/documents';
import { linkedTypes } from '../../src/model/entity-kinds';
import { lists } from '../../src/model/keys';
import { topicKeysOf } from '../../src/model/topic-keys';
import { LAST_MODIFIED_FIRST, type ListOrder } from '../../src/model/sort-key';

export { LAST_MODIFIED_FIRST };

/** The orders of the stored lists: articles newest first, events by start date, people by name. */
export const NEWEST_FIRST: ListOrder = { order: 'desc' };
export const BY_START: ListOrder = { order: 'asc' };
export const BY_NAME: ListOrder = { order: 'asc', collation: 'en' };

/** The order of an article list: the modified list's, else newest published first. */
export const articleListOrder = (list: string): ListOrder => (list === lists.articlesByModified ? LAST_MODIFIED_FIRST : NEWEST_FIRST);

/** An article as lists and related stories embed it: everything but the body, and its lead picture. */
export const articleCard = ({
  paragraphs: _p, mentions: _m, authors, images, subjects, copyright: _c, origin: _o, translations: _t,
  ...rest
}: ArticleDoc): ArticleCard => ({
  ...rest,
  // Null, not left out, when there is none: a card without the key is one built before cards carried it.
  image: images[0] ?? null,
  // Left out when empty, so a card without them keeps its bytes.
  ...(subjects.length > 0 ? { subjects } : {}),
  ...(authors.length > 0 ? { authors } : {}),
});

/** The section, subject and author lists an article is in (src/model/topic-keys.ts). */
export function topicListsOf(card: ArticleCard): string[] {
  const keys = topicKeysOf(card);
  return [
    ...keys.section.map(lists.articlesInSection),
    ...keys.subject.map(lists.articlesOnSubject),
    ...keys.author.map(lists.articlesBy),
  ];
}

/**
 * The names of the lists an article is in, as the full build groups them (tools/compile/compile.ts):
 * all articles (by publication and by last change), the articles in its language, and the
 * articles about each entity it links.
 * A publish takes a changed article out of the lists its old card named and puts it into these.
 */
export function articleListsOf(card: ArticleCard): string[] {
  return [
    lists.articles,
    lists.articlesByModified,
    lists.articlesInLanguage(card.language),
    ...[...linkedTypes(card)].map(([slug, type]) => lists.articlesAbout({ type, slug })),
    ...topicListsOf(card),
  ];
}

/** The lists an app can name (`changes(lists:)`) that a card is in: all but the modified list, which holds what `latest` holds. */
export const memberOf = (card: ArticleCard | null): string[] => (card ? articleListsOf(card).filter((l) => l !== lists.articlesByModified) : []);
