import { describe, expect, it } from 'vitest';
import { PRICES, SCENARIO, scaleSection, type BenchResults } from './scale-model';

/** The internet-scale model of docs/performance.md, on results shaped as the bench writes them. */
const results = (articles: number, keys: number): BenchResults => ({
  sizes: [{
    articles, keys, bytes: 1e6, largestValue: { key: 's:p:1', bytes: 2 ** 20 },
    operations: Object.keys(SCENARIO.mix).map((name) => ({ name, kvCold: { keys: 10 }, kvWarm: { keys: 0 } })),
  }],
});
const cell = (text: string, row: string) => text.split('\n').find((l) => l.startsWith(`| ${row}`))!.split('|').map((c) => c.trim());

describe('internet-scale model', () => {
  it('scales a version linearly from the largest size the bench measured, and says so', () => {
    const text = scaleSection(results(100_000, 1_000));
    expect(text).toContain('scaled linearly from 100,000 articles');
    const writes = 10_000 * SCENARIO.publishesPerDay;
    expect(cell(text, 'KV writes')[2]).toBe(writes.toLocaleString('en'));
    // 1 MiB at 100,000 articles is 10 MiB at a million: KV's 25 MiB is reached at 2.5 million.
    expect(text).toContain('about 2,500,000 articles before it breaks');
  });

  it('scales from the largest corpus measured, a build or a bench size', () => {
    const text = scaleSection(results(1_000, 10), [{ articles: 100_000, keys: 2_000, bytes: 1e6 }]);
    expect(text).toContain('scaled linearly from 100,000 articles');
    expect(cell(text, 'KV writes')[2]).toBe((20_000 * SCENARIO.publishesPerDay).toLocaleString('en'));
  });

  it('prefers a build measured at the target size, and prices reads by edge cache misses', () => {
    const text = scaleSection(results(100_000, 1_000), [{ articles: 1_000_001, keys: 3_000_000, bytes: 5e9 }]);
    expect(text).toContain('measured at 1,000,001 articles');
    expect(cell(text, 'KV writes')[2]).toBe((3_000_000 * SCENARIO.publishesPerDay).toLocaleString('en'));
    const reads = SCENARIO.readsPerSecond * 86_400 * 10 * 0.5;
    expect(cell(text, '50%')[2]).toBe(`0 - ${reads.toLocaleString('en')}`);
    expect(cell(text, '50%')[3]).toBe(`$${Math.round((reads * PRICES.kvReadPerM) / 1e6).toLocaleString('en')}`);
  });
});
