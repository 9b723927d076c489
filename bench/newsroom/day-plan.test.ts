import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tools/fixtures/corpus';
import { dayPlan, zipfPicker } from './day-plan';

describe('a newsroom day plan', () => {
  const plan = dayPlan(200, 1000, '2026-12-07');

  it('spreads the publishes over that UTC day, in order, busier by day', () => {
    expect(plan).toHaveLength(200);
    const times = plan.map((a) => Date.parse(a.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(plan.every((a) => a.at.startsWith('2026-12-07T'))).toBe(true);
    const daytime = plan.filter((a) => Number(a.at.slice(11, 13)) >= 6 && Number(a.at.slice(11, 13)) < 22).length;
    expect(daytime / plan.length).toBeGreaterThan(0.6);
  });

  it('adds new stories numbered after the corpus, and corrects or withdraws only live ones', () => {
    const added = plan.filter((a) => a.kind === 'add').map((a) => a.story);
    expect(added).toEqual(added.map((_, i) => 1001 + i));
    expect(added.length / plan.length).toBeGreaterThan(0.6);
    expect(plan.some((a) => a.kind === 'correct')).toBe(true);
    expect(plan.some((a) => a.kind === 'withdraw')).toBe(true);
    const gone = new Set<number>();
    const out = new Set<number>();
    for (const a of plan) {
      if (a.kind === 'correct' || a.kind === 'withdraw') {
        expect(gone.has(a.story), `${a.kind} ${a.story} after its withdrawal`).toBe(false);
        expect(a.story <= 1000 || out.has(a.story), `${a.kind} ${a.story} before it was added`).toBe(true);
      }
      if (a.kind === 'add') out.add(a.story);
      if (a.kind === 'withdraw') gone.add(a.story);
    }
  });

  it('replays the same day for the same seed, another for another', () => {
    expect(dayPlan(200, 1000, '2026-12-07')).toEqual(plan);
    expect(dayPlan(200, 1000, '2026-12-07', 2)).not.toEqual(plan);
  });

  it('chooses ranked items with a Zipf skew', () => {
    const pick = zipfPicker(100, seededRandom(3));
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 20_000; i++) counts[pick()]! += 1;
    // Exponent 1: rank 1 about twice rank 2 and ten times rank 10.
    expect(counts[0]! / counts[1]!).toBeGreaterThan(1.6);
    expect(counts[0]! / counts[9]!).toBeGreaterThan(7);
    expect(counts.every((c) => c > 0)).toBe(true);
    expect(zipfPicker(1, seededRandom(3))()).toBe(0);
  });
});
