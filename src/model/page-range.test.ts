import { describe, expect, it } from 'vitest';
import { InvalidArgument } from './domain-errors';
import { decodeCursor, encodeCursor, pageRange, parseConnectionArgs } from './page-range';

const range = (total: number, args: Parameters<typeof parseConnectionArgs>[0]) =>
  pageRange(total, parseConnectionArgs(args));

describe('pageRange (Relay pagination algorithm)', () => {
  it.each([
    [10, {}, [0, 10, false, false]],
    [50, {}, [0, 20, false, true]],
    [10, { first: 3 }, [0, 3, false, true]],
    [10, { first: 3, after: encodeCursor(2) }, [3, 6, true, true]],
    [10, { last: 3 }, [7, 10, true, false]],
    [10, { last: 3, before: encodeCursor(7) }, [4, 7, true, true]],
    [10, { before: encodeCursor(5) }, [0, 5, false, true]],
    [10, { after: encodeCursor(2), before: encodeCursor(6) }, [3, 6, true, true]],
    [10, { first: 0 }, [0, 0, false, true]],
    [10, { first: 5, after: encodeCursor(99) }, [10, 10, true, false]],
    [0, { last: 5 }, [0, 0, false, false]],
  ] as const)('total %i, %o -> %o', (total, args, [start, end, hasPreviousPage, hasNextPage]) => {
    expect(range(total, args)).toEqual({ start, end, hasPreviousPage, hasNextPage });
  });

  it('refuses sizes out of 0..100 and cursors it did not issue', () => {
    for (const args of [{ first: 101 }, { last: -1 }, { after: 'abc' }, { before: encodeCursor(-1) }, { after: btoa('o:1e3') }]) {
      expect(() => parseConnectionArgs(args)).toThrow(InvalidArgument);
    }
  });

  it('round-trips cursors', () => {
    for (const offset of [0, 1, 99, 123456]) expect(decodeCursor(encodeCursor(offset), 'after')).toBe(offset);
  });
});
