import { describe, expect, it } from 'vitest';
import { PRICES, publishingRule, SCENARIO, scaleSection, type BenchResults } from './scale-model';

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
    expect(text).toContain('Publishing: not in these results');
    // 1 MiB at 100,000 articles is 10 MiB at a million: KV's 25 MiB is reached at 2.5 million.
    expect(text).toContain('about 2,500,000 articles before it breaks');
  });

  it('scales from the largest corpus measured, a build or a bench size', () => {
    const text = scaleSection(results(1_000, 10), [{ articles: 100_000, keys: 2_000, bytes: 1e6 }]);
    expect(text).toContain('scaled linearly from 100,000 articles');
    expect(text).toContain('Per version (scaled linearly from 100,000 articles): 20,000 keys');
  });

  it('prefers a build measured at the target size, and prices reads by edge cache misses', () => {
    const text = scaleSection(results(100_000, 1_000), [{ articles: 1_000_001, keys: 3_000_000, bytes: 5e9 }]);
    expect(text).toContain('measured at 1,000,001 articles');
    expect(text).toContain('Per version (measured at 1,000,001 articles): 3,000,000 keys');
    const reads = SCENARIO.readsPerSecond * 86_400 * 10 * 0.5;
    expect(cell(text, '50%')[2]).toBe(`0 - ${reads.toLocaleString('en')}`);
    expect(cell(text, '50%')[3]).toBe(`$${Math.round((reads * PRICES.kvReadPerM) / 1e6).toLocaleString('en')}`);
  });

  it('takes CPU per request from a per-operation run (persisted, compiled) over the size run', () => {
    const withPeer: BenchResults = {
      sizes: [{ ...results(100_000, 1_000).sizes[0]!, peer: Object.keys(SCENARIO.mix).map((name) => ({ name, targets: { executed: { cpuMsPerRequest: 3 }, memo: { cpuMsPerRequest: 0.5 } } })) }],
    };
    expect(scaleSection(withPeer)).toContain('CPU 3.00 ms executed, 0.50 ms from the response memo (workerd on the bench machine; operation text through yoga');
    const perOperation = {
      articles: 100_000,
      operations: Object.keys(SCENARIO.mix).map((name) => ({ name, targets: { compiled: { cpuMsPerRequest: 1 }, memo: { cpuMsPerRequest: 0.25 } } })),
    };
    const text = scaleSection(withPeer, [], undefined, perOperation);
    expect(text).toContain('CPU 1.00 ms executed, 0.25 ms from the response memo (workerd on the bench machine; persisted operations on the compiled path');
    // No edge cache: every request executed, 1 ms each.
    expect(cell(text, '0%')[5]).toBe((SCENARIO.readsPerSecond * 86_400).toLocaleString('en'));
    // A run that lacks an operation of the mix is not used.
    expect(scaleSection(withPeer, [], undefined, { ...perOperation, operations: perOperation.operations.slice(1) })).toContain('operation text through yoga');
  });

  it('prices publishing as deltas, a level-1 index per fold and a new base once level 1 outgrows its share', () => {
    const publish = { sizes: [{ articles: 100_000, add: { keysWritten: 400, bytesWritten: 1e6 }, correct: { keysWritten: 300, bytesWritten: 2e6 } }] };
    // A base of 1,000,000 keys at a million articles (100,000 at 100,000, scaled).
    const text = scaleSection(results(100_000, 100_000), [], publish);
    // 12,288 key hashes / 400 keys: the chain folds after 30 publishes (under the 32 generations);
    // a quarter of the base, 250,000 keys, takes 20 folds of 12,000: a new base every 21 x 30 publishes.
    expect(text).toContain('the chain folded into level 1 every 30, a new base every 630 publishes');
    expect(cell(text, 'KV writes of deltas')[2]).toBe((400 * SCENARIO.publishesPerDay).toLocaleString('en'));
    expect(cell(text, 'KV writes of level-1 indexes')[2]).toBe(Math.round((20 * SCENARIO.publishesPerDay) / 630).toLocaleString('en'));
    expect(cell(text, 'KV writes of new bases')[2]).toBe(Math.round((1_000_000 * SCENARIO.publishesPerDay) / 630).toLocaleString('en'));
    expect(text).toContain("KV writes a day are 5.0 times the deltas' own (with a new base at every chain bound they were 84 times)");
    expect(text).toContain('Level 1 holds at most 240,000 keys');
  });

  it('writes a new base at every chain bound when level 1 cannot hold one chain', () => {
    const publish = { sizes: [{ articles: 100_000, add: { keysWritten: 400, bytesWritten: 1e6 } }] };
    const rule = publishingRule(10_000, 400);
    expect(rule).toMatchObject({ chainLength: 30, folds: 0, cycle: 30, foldWrites: 0 });
    const text = scaleSection(results(100_000, 1_000), [], publish);
    expect(cell(text, 'KV writes of new bases')[2]).toBe(Math.round((10_000 * SCENARIO.publishesPerDay) / 30).toLocaleString('en'));
  });
});
