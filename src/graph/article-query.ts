import type { ArticleCard } from '../model/documents';
import { TOPIC_FILTERS, topicKeysOf } from '../model/topic-keys';
import { checkDateRange } from '../model/date-argument';
import { ENTITY_KINDS, type EntityKind } from '../model/entity-kinds';
import { lists } from '../model/keys';
import { LAST_MODIFIED_FIRST, modifiedKey } from '../model/sort-key';
import type { ListQuery } from './list-page';
import type { ArticleFilter, ArticleOrder, Maybe } from './resolver-types.gen';
import { ref } from './resolvers/refs';

/**
 * Which stored list an `articles` query reads, and what it checks item by item. Articles are
 * stored newest first in one list per language, per entity, per section, subject and author,
 * and all of them once more by last change. The first entity filter picks the list, else the
 * section, subject or author filter, else the language; the other filters are checked on the
 * cards (a scan).
 *
 * `orderBy: DATE_MODIFIED` with no other filter than `modifiedSince` reads the modified list
 * (`modifiedSince` is then a range on it: a prefix of the list, no scan); with other filters it
 * scans the list they pick and orders what it keeps by last change. `modifiedSince` in
 * publication order is a scan too.
 */
export function articleQuery(filter: Maybe<ArticleFilter> | undefined, orderBy: Maybe<ArticleOrder> | undefined): ListQuery {
  const f = filter ?? {};
  const entities = ENTITY_KINDS.flatMap((k) => (f[k.filter] != null ? [[k, f[k.filter]!] as const] : []));
  const topics = (['section', 'subject', 'author'] as const).flatMap((kind) => {
    const value = f[kind];
    return value != null ? [[kind, TOPIC_FILTERS[kind].handle(value)] as const] : [];
  });
  const { from, to } = checkDateRange(f.publishedFrom, f.publishedTo, ['filter.publishedFrom', 'filter.publishedTo']);
  // The scalar hands over its UTC form (src/graph/date-time-scalar.ts), which compares with the keys as text.
  const since = f.modifiedSince ?? undefined;
  const reverse = orderBy?.direction === 'ASC';
  const byModified = orderBy?.field === 'DATE_MODIFIED';
  const [base, ...rest] = entities;
  if (byModified && !base && topics.length === 0 && f.language == null && from === undefined && to === undefined) {
    return { list: lists.articlesByModified, since, reverse };
  }
  const links = (card: ArticleCard, [kind, slug]: readonly [EntityKind, string]) => card[kind.links].includes(slug);
  const onTopic = (card: ArticleCard, [kind, key]: (typeof topics)[number]) => topicKeysOf(card)[kind].includes(key);
  const list = base ? lists.articlesAbout(ref(base[0].type, base[1]))
    : topics[0] ? TOPIC_FILTERS[topics[0][0]].list(topics[0][1])
    : f.language != null ? lists.articlesInLanguage(f.language)
    : lists.articles;
  const scanTopics = base ? topics : topics.slice(1);
  const scanLanguage = f.language != null && (base !== undefined || topics.length > 0);
  const needsScan = rest.length > 0 || scanTopics.length > 0 || scanLanguage || since !== undefined || byModified;
  return {
    list,
    from,
    to,
    reverse,
    ...(byModified ? { order: LAST_MODIFIED_FIRST } : {}),
    where: needsScan
      ? (item) => {
          const card = item as ArticleCard;
          return (
            (!scanLanguage || card.language === f.language) &&
            rest.every((e) => links(card, e)) &&
            scanTopics.every((t) => onTopic(card, t)) &&
            (since === undefined || modifiedKey(card) >= since)
          );
        }
      : undefined,
  };
}
