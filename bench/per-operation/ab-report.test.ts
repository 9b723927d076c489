import { describe, expect, it } from 'vitest';
import { abOrder } from './ab';
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
    { operation: 'article-page', sameAnswer: true, cpuMsPerRequest: { a: { memo: 0.5, compiled: 1.5 }, b: { memo: 0.4, compiled: 1.8 } }, ratio: { memo: 0.8, compiled: 1.2 } },
    { operation: 'latest-articles', sameAnswer: false, cpuMsPerRequest: { a: { memo: 0.3, compiled: 1 }, b: { memo: 0.3, compiled: 1 } }, ratio: { memo: 1, compiled: NaN } },
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
    expect(report).toMatch(/\| article-page +\| 0\.50 +\| 0\.40 +\| 0\.80 +\| 1\.50 +\| 1\.80 +\| 1\.20 +\|/);
    expect(report).toMatch(/\| latest-articles \* +\|.*\| n\/a +\|/);
    expect(report).toContain('![B/A per operation](ab.svg)');
  });

  it('draws two bars per operation', () => {
    expect(abChart(results).match(/<rect x="150"/g)).toHaveLength(4);
  });
});
