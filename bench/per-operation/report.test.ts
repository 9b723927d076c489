import { describe, expect, it } from 'vitest';
import { perOperationChart } from './chart';
import { GOALS, perOperationReport, ratiosOf, roundOrder, TARGETS, type OperationFigures, type PerOperationResults, type Target, type TargetFigures } from './report';

/**
 * The per-operation report (`npm run bench -- --per-operation`) over figures made up here: the
 * goal ratios and their verdicts follow from the figures, a build without the compiler says
 * so, and the chart draws one bar per target, operation and panel.
 */
const figures = (rps: number, cpuMsPerRequest: number): TargetFigures => ({ rps, cpuMsPerRequest, p50: 1, requests: rps * 5, failures: 0, reordered: 0 });
const operation = (name: string, perTarget: Record<Target, [number, number]>): OperationFigures => ({
  name,
  responseBytes: 1000,
  targets: Object.fromEntries(TARGETS.map((t) => [t, figures(...perTarget[t])])) as Record<Target, TargetFigures>,
});
// [req/s, CPU ms per request]: the first operation meets both goals, the second misses both.
const meets = operation('fast', { memo: [900, 0.3], compiled: [400, 0.8], graphqlJs: [200, 1.6], apollo: [300, 1.0], apolloCache: [800, 0.4], floor: [1000, 0.25] });
const misses = operation('slow', { memo: [500, 0.5], compiled: [100, 3.0], graphqlJs: [90, 3.3], apollo: [300, 1.5], apolloCache: [800, 0.4], floor: [1000, 0.25] });

const results = (present: boolean): PerOperationResults => ({
  startedAt: '2026-01-01T00:00:00.000Z',
  machine: { cpus: 2, cpuModel: 'test', node: 'v20', loadBefore: [1, 1, 1], loadAfter: [1, 1, 1] },
  settings: { connections: 10, seconds: 5 },
  articles: 1000,
  compiler: { present, compiledOperations: present ? 'on' : 'absent' },
  operations: [meets, misses],
  unmeasured: ['node'],
});

describe('per-operation report', () => {
  it('gives each goal ratio from the figures, with its verdict', () => {
    const report = perOperationReport(results(true));
    for (const op of [meets, misses]) {
      const r = ratiosOf(op);
      const row = report.split('\n').find((line) => line.startsWith(`| ${op.name} `) && /met|MISSED/.test(line))!;
      const cells = row.split('|').map((c) => c.trim());
      expect(cells[2]).toBe(`${r.compiledCpu.toFixed(2)} ${r.compiledCpu <= GOALS.executedCpuOverApollo ? 'met' : 'MISSED'}`);
      expect(cells[4]).toBe(`${r.memoRps.toFixed(2)} ${r.memoRps >= GOALS.memoRpsOverFloor ? 'met' : 'MISSED'}`);
    }
    expect(ratiosOf(meets)).toMatchObject({ compiledCpu: 0.8, memoRps: 0.9 });
    expect(report).toContain('COMPILED_OPERATIONS=on');
    expect(report).toContain('Not measured (not in SCREENS or MORE_SCREENS of tools/fixtures/screens.ts; a streamed @defer answer is neither memoized nor compiled): node.');
  });

  it('says when the build has no compiler, in the table and on the chart', () => {
    expect(perOperationReport(results(false))).toContain('NO COMPILER in this build');
    expect(perOperationChart(results(false))).toContain('(absent: graphql-js)');
  });

  it('draws a bar per target, operation and panel, plus the legend', () => {
    const svg = perOperationChart(results(true));
    const rects = svg.match(/<rect /g)!.length;
    // One background, one legend swatch per target, and the bars.
    expect(rects).toBe(1 + TARGETS.length + 2 * 2 * TARGETS.length);
    expect(svg).toContain('>fast<');
  });

  it('takes each ratio per round, back-to-back slices paired, so one burst round does not move it', () => {
    const round = (memoRps: number, floorRps: number, compiledCpu: number, apolloCpu: number) =>
      Object.fromEntries(
        TARGETS.map((t) => {
          const [rps, cpu] = t === 'memo' ? [memoRps, 0.3] : t === 'floor' ? [floorRps, 0.25] : t === 'compiled' ? [400, compiledCpu] : t === 'apollo' ? [300, apolloCpu] : [300, 1];
          return [t, { rps, cpuMsPerRequest: cpu }];
        }),
      ) as NonNullable<OperationFigures['rounds']>[number];
    // A burst in the third round: the floor's slice completed 40 requests, the compiled one was slowed down.
    const rounds = [round(900, 1000, 0.8, 1), round(1800, 2000, 0.9, 1), round(900, 40, 4, 1), round(1000, 1250, 0.7, 1), round(850, 1000, 0.8, 1)];
    // A sixth round whose floor slice completed nothing (as JSON writes NaN: null) is left out.
    const stalled = { ...round(900, 0, 0.8, 1), floor: { rps: 0, cpuMsPerRequest: null as unknown as number } };
    const r = ratiosOf({ ...meets, rounds: [...rounds, stalled] });
    expect(r.memoRps).toBeCloseTo(0.9);
    expect(r.compiledCpu).toBeCloseTo(0.8);
    // Without rounds (results written before them): the ratios of the sums, as before.
    expect(ratiosOf(meets).memoRps).toBeCloseTo(0.9);
    expect(perOperationReport({ ...results(true), operations: [{ ...meets, rounds }] })).toContain('the median over rounds');
  });

  it('orders each round with the compared targets back to back, rotating and swapping from round to round', () => {
    const orders = [0, 1, 2, 3, 4, 5, 6, 7].map(roundOrder);
    for (const order of orders) {
      expect([...order].sort()).toEqual([...TARGETS].sort());
      expect(Math.abs(order.indexOf('memo') - order.indexOf('floor'))).toBe(1);
      expect(Math.abs(order.indexOf('compiled') - order.indexOf('apollo'))).toBe(1);
    }
    // Each pair leads some round, and memo and floor each go first of their pair.
    expect(new Set(orders.map((o) => o[0])).size).toBe(4);
    expect(orders.some((o) => o.indexOf('memo') < o.indexOf('floor'))).toBe(true);
    expect(orders.some((o) => o.indexOf('floor') < o.indexOf('memo'))).toBe(true);
  });
});
