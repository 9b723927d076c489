import { describe, expect, it } from 'vitest';
import { compareInList, dateOfKey, publishedKey, sortInList } from './sort-key';
import type { ListItem } from './documents';

const card = (slug: string, datePublished: string, datePublishedTime?: string) =>
  ({ type: 'Article', slug, datePublished, ...(datePublishedTime && { datePublishedTime }) }) as unknown as ListItem;

describe('publishedKey', () => {
  it('is the instant in UTC when the source gave a time, whatever its offset', () => {
    expect(publishedKey({ datePublished: '2024-06-12', datePublishedTime: '2024-06-12T08:30:00+05:30' })).toBe('2024-06-12T03:00:00.000Z');
    expect(publishedKey({ datePublished: '2024-06-13', datePublishedTime: '2024-06-13T00:30:00+09:00' })).toBe('2024-06-12T15:30:00.000Z');
    expect(publishedKey({ datePublished: '2024-06-12', datePublishedTime: '2024-06-12T23:50:00.25Z' })).toBe('2024-06-12T23:50:00.250Z');
  });

  it('is the date alone for a date-only story, before every instant of that day', () => {
    expect(publishedKey({ datePublished: '2024-06-12' })).toBe('2024-06-12');
    expect('2024-06-12' < '2024-06-12T00:00:00.000Z').toBe(true);
    expect('2024-06-12' > '2024-06-11T23:59:59.999Z').toBe(true);
  });

  it('falls back to the date when the time cannot be read', () => {
    expect(publishedKey({ datePublished: '2024-06-12', datePublishedTime: 'not a time' })).toBe('2024-06-12');
  });
});

describe('newest first', () => {
  const order = { order: 'desc' } as const;
  it('orders by instant, not by slug: 23:50 above 00:10 of the same day', () => {
    const items = [
      card('a-early', '2024-06-12', '2024-06-12T00:10:00Z'),
      card('z-late', '2024-06-12', '2024-06-12T23:50:00Z'),
      card('m-noon-ist', '2024-06-12', '2024-06-12T17:30:00+05:30'),
      card('b-no-time', '2024-06-12'),
      card('c-next-day-seoul', '2024-06-13', '2024-06-13T00:30:00+09:00'),
    ];
    expect(sortInList(order, items).map((i) => i.slug)).toEqual(['z-late', 'c-next-day-seoul', 'm-noon-ist', 'a-early', 'b-no-time']);
  });

  it('breaks ties of the same instant by slug, as cursors do', () => {
    const at = '2024-06-12T10:00:00Z';
    expect(compareInList(order, [at, 'a'], [at, 'b'])).toBeLessThan(0);
    expect(sortInList(order, [card('b', '2024-06-12', at), card('a', '2024-06-12', '2024-06-12T15:30:00+05:30')]).map((i) => i.slug)).toEqual(['a', 'b']);
  });
});

describe('dateOfKey', () => {
  it('is the UTC date of an instant and the date itself otherwise', () => {
    expect(dateOfKey('2024-06-12T15:30:00.000Z')).toBe('2024-06-12');
    expect(dateOfKey('2024-06-12')).toBe('2024-06-12');
  });
});
