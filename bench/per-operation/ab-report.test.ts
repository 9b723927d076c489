import { describe, expect, it } from 'vitest';
import { abOrder, quantile } from './ab';
import { abChart, abReport, type AbResults } from './ab-report';

/**
 * `npm run bench:ab` over figures made up here: every round measures each build and target
 * once, in ABBA order that flips each round; the table marks operations whose two builds
 * answered differently, and the chart draws two bars per operation.
 */
const results: AbResults = {
  startedAt: '2026-12-07T00:00:00.000Z',
  machine: { cpus: 2, loadBefore: [1, 1, 1], loadAfter: [2, 2, 2] },
  a: { dir: '/a', commit: 'aaaaaaa' },
  b: { dir: '/b', commit: 'bbbbbbb' },
  seconds: 5,
  operations: [
    { operation: 'article-page', sameAnswer: true, cpuMsPerRequest: { a: { memo: 0.5, compiled: 1.5 }, b: { memo: 0.4, compiled: 1.8 } }, ratio: { memo: 0.8, compiled: 1.2 }, spread: { memo: [0.7, 0.9], compiled: [1.1, 1.3] } },
    { operation: 'latest-articles', sameAnswer: false, cpuMsPerRequest: { a: { memo: 0.3, compiled: 1 }, b: { memo: 0.3, compiled: 1 } }, ratio: { memo: 1, compiled: NaN }, spread: { memo: [1, 1], compiled: [NaN, NaN] } },
  ],
};

describe('the A/B per-operation report', () => {
  it('measures each build and target once a round, ABBA, flipped every other round', () => {
    const key = (r: number) => abOrder(r).map(([side, target]) => `${side}.${target}`);
    expect(key(0)).toEqual(['a.memo', 'b.memo', 'b.compiled', 'a.compiled']);
    expect(key(1)).toEqual([...key(0)].reverse());
    expect(new Set(key(2)).size).toBe(4);
  });

  it('prints both builds, the ratio, and marks operations answered differently', () => {
    const report = abReport(results, 'ab.svg');
    expect(report).toContain('aaaaaaa (A) against bbbbbbb (B)');
    expect(report).toMatch(/\| article-page +\| 0\.50 +\| 0\.40 +\| 0\.80 \(0\.70-0\.90\) +\| 1\.50 +\| 1\.80 +\| 1\.20 \(1\.10-1\.30\) +\|/);
    expect(report).toMatch(/\| latest-articles \* +\|.*\| n\/a \(n\/a-n\/a\) +\|/);
    expect(report).toContain('![B/A per operation](ab.svg)');
  });

  it('takes quantiles between closest ranks, leaving out slices with no request', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([NaN, 2], 0.75)).toBe(2);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('draws two bars per operation', () => {
    expect(abChart(results).match(/<rect x="150"/g)).toHaveLength(4);
  });
});
