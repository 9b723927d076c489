import type { ListItem } from './documents';
import type { SortKey } from './page-range';
import { normalDateTime } from './date-time';

/**
 * When an article was published, as lists order it: the instant in UTC (RFC 3339, the fixed
 * width of `Date.prototype.toISOString`) when the source gave a time, else the date alone. A
 * date alone sorts before every instant of its day ("2024-06-12" < "2024-06-12T00:00:00.000Z"),
 * so newest first puts a story whose time is unknown after the timed stories of its day.
 */
export function publishedKey(card: { datePublished: string; datePublishedTime?: string }): string {
  if (card.datePublishedTime === undefined) return card.datePublished;
  const ms = Date.parse(card.datePublishedTime);
  return Number.isNaN(ms) ? card.datePublished : new Date(ms).toISOString();
}

/**
 * When an article last changed, as the modified list orders it: the later of its publication
 * key and its `dateModified` (an instant in UTC, or a date alone, which sorts before every
 * instant of its day as above). A story never modified sorts by its publication instant; a
 * modification dated before the publication (a source's slip) never sorts a story below it.
 */
export function modifiedKey(card: { datePublished: string; datePublishedTime?: string; dateModified?: string }): string {
  const published = publishedKey(card);
  const m = card.dateModified;
  const modified = m === undefined ? null : /^\d{4}-\d{2}-\d{2}$/.test(m) ? m : normalDateTime(m);
  return modified !== null && modified > published ? modified : published;
}

/** How a list is ordered: by its sort key, down or up; names by English collation; articles by `modified` time instead of publication. */
export interface ListOrder {
  order: 'asc' | 'desc';
  collation?: 'en';
  by?: 'modified';
}

/** Articles by their last change, newest first: the stored list `articles(orderBy: DATE_MODIFIED)` reads. */
export const LAST_MODIFIED_FIRST: ListOrder = { order: 'desc', by: 'modified' };

/**
 * What lists are ordered by and date ranges compare: an article's publication instant (its
 * last change in a list ordered `by: 'modified'`), an event's start, a person's name (its
 * first, default-language form).
 */
export const sortKeyOf = (item: ListItem, order?: Pick<ListOrder, 'by'>): string =>
  item.type === 'Article' ? (order?.by === 'modified' ? modifiedKey(item) : publishedKey(item))
  : item.type === 'Event' ? item.startDate
  : (item.names[0]?.value ?? item.slug);

/** The calendar date (YYYY-MM-DD) a date or instant sort key falls on: what date filters compare. */
export const dateOfKey = (key: string): string => key.slice(0, 10);

/** The key a cursor names an item by: the sort key, then the slug (unique) to break ties. */
export const cursorKeyOf = (item: ListItem, order?: Pick<ListOrder, 'by'>): SortKey => [sortKeyOf(item, order), item.slug];

const nameCollator = new Intl.Collator('en');
const codePoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Negative when `a` comes before `b` in a list of this order. The build sorts every list with
 * it and readers position cursors with it, so both agree on every tie (slugs, by code point).
 */
export function compareInList(order: ListOrder, a: SortKey, b: SortKey): number {
  const primary = order.collation === 'en' ? nameCollator.compare(a[0], b[0]) : codePoints(a[0], b[0]);
  if (primary !== 0) return order.order === 'desc' ? -primary : primary;
  return codePoints(a[1], b[1]);
}

/** `items` in list order, each item's key computed once (a sort compares each item log n times). */
export function sortInList<T extends ListItem>(order: ListOrder, items: readonly T[]): T[] {
  const keyed = items.map((item) => ({ item, key: cursorKeyOf(item, order) }));
  keyed.sort((a, b) => compareInList(order, a.key, b.key));
  return keyed.map((k) => k.item);
}
