import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeMoves, movesOf, type ListMove } from './list-moves';

describe('list moves', () => {
  it('are the lists a story is in now and was not, and the reverse', () => {
    expect(movesOf('s', ['articles', 'articles@section:world'], ['articles', 'articles@section:sport'])).toEqual([
      ['articles@section:sport', 's', 'ENTERED'],
      ['articles@section:world', 's', 'LEFT'],
    ]);
    expect(movesOf('s', [], ['articles'])).toEqual([['articles', 's', 'ENTERED']]);
    expect(movesOf('s', ['articles'], ['articles'])).toEqual([]);
  });

  it('compose to the net change between the first state and the last, whatever the runs', () => {
    // A random history of memberships per (list, story), cut into runs at random: the composition
    // of the runs' moves is the diff of the first and last memberships.
    fc.assert(
      fc.property(fc.array(fc.array(fc.subarray(['a', 'b', 'c']), { minLength: 2, maxLength: 8 }), { minLength: 1, maxLength: 3 }), fc.array(fc.nat(6)), (histories, cuts) => {
        const steps = Math.min(...histories.map((h) => h.length)) - 1;
        const per = Array.from({ length: steps }, (_, i) => histories.flatMap((h, s) => movesOf(`s${s}`, h[i]!, h[i + 1]!)));
        const bounds = [...new Set([0, ...cuts.map((c) => c % (steps + 1)), steps])].sort((x, y) => x - y);
        const runs = bounds.slice(1).map((end, i) => composeMoves(...per.slice(bounds[i], end)));
        const want = histories.flatMap((h, s) => movesOf(`s${s}`, h[0]!, h[steps]!));
        expect(composeMoves(...runs)).toEqual(composeMoves(want));
      }),
    );
  });

  it('cancel out a story that entered and left within the span', () => {
    const runs: ListMove[][] = [[['articles', 'x', 'ENTERED']], [['articles', 'x', 'LEFT'], ['articles', 'y', 'LEFT']]];
    expect(composeMoves(...runs)).toEqual([['articles', 'y', 'LEFT']]);
  });
});
