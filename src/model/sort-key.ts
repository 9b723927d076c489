import type { ListItem } from './documents';

/** What lists are ordered by and date ranges compare: an article's date, an event's start. */
export const sortKeyOf = (item: ListItem): string =>
  item.type === 'Article' ? item.datePublished : item.type === 'Event' ? item.startDate : '';
