import { describe, expect, it } from 'vitest';
import { InvalidArgument } from './domain-errors';
import { decodeCursor, encodeCursor, pageRange, parseConnectionArgs, type Bounds } from './page-range';

describe('pageRange (Relay pagination algorithm)', () => {
  it.each([
    [10, {}, [0, 10, false, false]],
    [50, {}, [0, 20, false, true]],
    [10, { first: 3 }, [0, 3, false, true]],
    [10, { first: 3, start: 3 }, [3, 6, true, true]],
    [10, { last: 3 }, [7, 10, true, false]],
    [10, { last: 3, end: 7 }, [4, 7, true, true]],
    [10, { end: 5 }, [0, 5, false, true]],
    [10, { start: 3, end: 6 }, [3, 6, true, true]],
    [10, { first: 0 }, [0, 0, false, true]],
    [10, { first: 5, start: 100 }, [10, 10, true, false]],
    [10, { first: 5, start: -4 }, [0, 5, false, true]],
    [0, { last: 5 }, [0, 0, false, false]],
  ] as Array<[number, Bounds, [number, number, boolean, boolean]]>)('total %i, %o -> %o', (total, args, [start, end, hasPreviousPage, hasNextPage]) => {
    expect(pageRange(total, args)).toEqual({ start, end, hasPreviousPage, hasNextPage });
  });

  it('refuses sizes out of 0..100 and cursors it did not issue', () => {
    const forged = [
      { first: 101 },
      { last: -1 },
      { after: 'abc' },
      { before: encodeCursor(['2024-01-01', 'a'], 0).slice(0, -2) },
      { after: btoa('o:1') },
      { after: btoa('[1.5,"a","b"]') },
      { after: btoa('[-1,"a","b"]') },
      { after: btoa('[1,"a"]') },
      { after: btoa('[1,2,"b"]') },
      { after: 'A'.repeat(2000) },
    ];
    for (const args of forged) {
      expect(() => parseConnectionArgs(args)).toThrow(InvalidArgument);
    }
  });

  it('round-trips cursors, Hindi names included', () => {
    for (const [key, hint] of [[['2024-06-12', 'putin-visit'], 0], [['व्लादिमीर पुतिन', 'vladimir-putin'], 123456]] as const) {
      expect(decodeCursor(encodeCursor(key, hint), 'after')).toEqual({ key, hint });
    }
  });
});
