import type { ListItem } from './documents';
import type { SortKey } from './page-range';

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
 * What lists are ordered by and date ranges compare: an article's publication instant, an
 * event's start, a person's name (its first, default-language form).
 */
export const sortKeyOf = (item: ListItem): string =>
  item.type === 'Article' ? publishedKey(item)
  : item.type === 'Event' ? item.startDate
  : (item.names[0]?.value ?? item.slug);

/** The calendar date (YYYY-MM-DD) a date or instant sort key falls on: what date filters compare. */
export const dateOfKey = (key: string): string => key.slice(0, 10);

/** The key a cursor names an item by: the sort key, then the slug (unique) to break ties. */
export const cursorKeyOf = (item: ListItem): SortKey => [sortKeyOf(item), item.slug];

/** How a list is ordered: by its sort key, down or up; names by English collation. */
export interface ListOrder {
  order: 'asc' | 'desc';
  collation?: 'en';
}

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
  const keyed = items.map((item) => ({ item, key: cursorKeyOf(item) }));
  keyed.sort((a, b) => compareInList(order, a.key, b.key));
  return keyed.map((k) => k.item);
}
