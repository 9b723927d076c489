import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChangeTuple } from './changes';
import { blocksStartingAt, completedBlocks, composeBlocks, coverBlocks, expiredSteps, SYNC_MAX_COVER, type SyncBlock } from './sync-log';

const v = (i: number) => `v${i}`;
const step = (i: number, changes: ChangeTuple[] | null, at = i): SyncBlock => ({ from: v(i), to: v(i + 1), at, changes });

/** The blocks a log of `steps` holds, built the way the publish writer builds them: each completed block from its two halves. */
function logOf(steps: SyncBlock[]): Map<string, SyncBlock> {
  const blocks = new Map<string, SyncBlock>();
  steps.forEach((s, i) => {
    let block = s;
    blocks.set(`0:${i}`, block);
    for (const ref of completedBlocks(i)) {
      block = composeBlocks([blocks.get(`${ref.level - 1}:${ref.start}`)!, block])!;
      blocks.set(`${ref.level}:${ref.start}`, block);
    }
  });
  return blocks;
}

describe('the sync log', () => {
  it('covers n steps with at most 2*log2(n) aligned blocks, exactly and in order', () => {
    // The worst over every start below 2^13 (the pattern of aligned blocks repeats past that for these n).
    const worst = (n: number) => Math.max(...Array.from({ length: 8192 }, (_, from) => coverBlocks(from, from + n).length));
    expect([1, 10, 100, 1000, 2000, 7 * 1440].map(worst)).toEqual([1, 5, 9, 15, 16, 19]);
    for (const [from, to] of [[0, 1], [3, 17], [1000, 3048], [12345, 99999]] as const) {
      const cover = coverBlocks(from, to);
      let at = from;
      for (const b of cover) {
        expect(b.start).toBe(at);
        expect(b.start % 2 ** b.level).toBe(0);
        at += 2 ** b.level;
      }
      expect(at).toBe(to);
      expect(cover.length).toBeLessThanOrEqual(Math.max(1, 2 * Math.log2(to - from)));
    }
    expect(coverBlocks(5, 5)).toEqual([]);
    // Past the largest block the cover grows by one key per 65,536 steps: 100 keys is years of minutes.
    expect(coverBlocks(0, 99 * 65_536).length).toBeLessThanOrEqual(SYNC_MAX_COVER);
  });

  it('completes a block of 2^k steps at every step k trailing ones deep: 1 block a publish on average', () => {
    expect(completedBlocks(0)).toEqual([]);
    expect(completedBlocks(1)).toEqual([{ level: 1, start: 0 }]);
    expect(completedBlocks(7)).toEqual([{ level: 1, start: 6 }, { level: 2, start: 4 }, { level: 3, start: 0 }]);
    const total = Array.from({ length: 2048 }, (_, s) => completedBlocks(s).length).reduce((a, b) => a + b, 0);
    expect(total).toBe(2047);
    expect(blocksStartingAt(8, 100)).toEqual([0, 1, 2, 3].map((level) => ({ level, start: 8 })));
    expect(blocksStartingAt(8, 12)).toEqual([0, 1, 2].map((level) => ({ level, start: 8 })));
  });

  it('composes to what applying every step in turn gives, for any log and any since', () => {
    const change = fc.tuple(fc.constantFrom('Article', 'Person'), fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('UPSERTED', 'REMOVED')) as fc.Arbitrary<ChangeTuple>;
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 4 }), { minLength: 1, maxLength: 70 }), fc.nat(), (lists, pick) => {
        const steps = lists.map((l, i) => step(i, l));
        const blocks = logOf(steps);
        const since = pick % steps.length;
        const composed = composeBlocks(coverBlocks(since, steps.length).map((b) => blocks.get(`${b.level}:${b.start}`)!))!;
        const latest = new Map<string, ChangeTuple>();
        for (const l of lists.slice(since)) for (const c of l) latest.set(`${c[0]}:${c[1]}`, c);
        expect(composed.from).toBe(v(since));
        expect(composed.to).toBe(v(steps.length));
        expect(composed.changes).toEqual([...latest.values()].sort((a, b) => (`${a[0]}:${a[1]}` < `${b[0]}:${b[1]}` ? -1 : 1)));
      }),
    );
  });

  it('lets the later kind win either way, refuses blocks that do not chain, and keeps an unknown step unknown', () => {
    const a = step(0, [['Article', 'x', 'UPSERTED'], ['Article', 'y', 'REMOVED']]);
    const b = step(1, [['Article', 'x', 'REMOVED'], ['Article', 'y', 'UPSERTED']]);
    expect(composeBlocks([a, b])!.changes).toEqual([['Article', 'x', 'REMOVED'], ['Article', 'y', 'UPSERTED']]);
    expect(composeBlocks([a, step(2, [])])).toBeNull();
    expect(composeBlocks([a, step(1, null)])!.changes).toBeNull();
    expect(composeBlocks([])).toBeNull();
  });

  it('expires the oldest steps only past both bounds: age and count', () => {
    const steps = [step(0, [], 0), step(1, [], 50), null, step(3, [], 100)];
    const keep = { ms: 60, publishes: 2 };
    // At 10 steps and now = 120, steps older than 60 go while 2 newer are kept: 0 and 1 (age), the missing 2, not 3 (age).
    expect(expiredSteps(0, steps, 10, 120, keep)).toBe(3);
    // Count bound: with 4 steps, the last 2 stay whatever their age.
    expect(expiredSteps(0, steps, 4, 1000, keep)).toBe(2);
    expect(expiredSteps(0, steps, 10, 55, keep)).toBe(0);
  });
});
