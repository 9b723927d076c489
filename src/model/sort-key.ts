import type { ListItem } from './documents';
import type { SortKey } from './page-range';

/**
 * What lists are ordered by and date ranges compare: an article's date, an event's start,
 * a person's name (its first, default-language form).
 */
export const sortKeyOf = (item: ListItem): string =>
  item.type === 'Article' ? item.datePublished
  : item.type === 'Event' ? item.startDate
  : (item.names[0]?.value ?? item.slug);

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
