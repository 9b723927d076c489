import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WindowQueue } from './window-queue';

describe('WindowQueue', () => {
  it('gives windows in the order of a sort by bound (highest first), then window number', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 300 }), fc.array(fc.boolean(), { maxLength: 300 }), (bounds, held) => {
        const bound = Float64Array.from(bounds, (b) => b / 4);
        const windows = bounds.map((_, w) => w).filter((w) => held[w]);
        const sorted = [...windows].sort((x, y) => bound[y]! - bound[x]! || x - y);
        const queue = new WindowQueue(Int32Array.from(windows).reverse(), bound);
        const popped: number[] = [];
        for (let w = queue.pop(); w >= 0; w = queue.pop()) popped.push(w);
        expect(popped).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });
});
