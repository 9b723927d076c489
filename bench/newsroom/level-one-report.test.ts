import { describe, expect, it } from 'vitest';
import { publishingRule } from '../scale-publishing';
import { measuredGrowth, type LevelOneDay } from './level-one-growth';
import { dayGrowth, levelOneSection } from './level-one-report';
import { newTally } from './readers';
import type { NewsroomResults } from './report';

/** A day of 40 publishes on 100,000 articles (316,000 keys) that folded once, at publish 33. */
const levelOne: LevelOneDay = {
  folds: [{ publish: 33, publishesSinceBase: 33, entries: 1_650, generations: 33, bytes: 13_200, added: 1_650, keysWritten: 3_300, writtenSinceBase: 3_300 }],
  perPublish: Array.from({ length: 40 }, (_, i) => ({ distinct: 50 * (i + 1), written: 100 * (i + 1) })),
};
const day: NewsroomResults = {
  kind: 'newsroom', startedAt: '2026-12-08T01:00:00.000Z', articles: 100_000, publishes: 40, requestsPerPublish: 0, loadAverage: '1.0-2.0',
  day: newTally(), byKind: {}, byHour: [], returns: [], heapPeakMiB: 50,
  desk: Array.from({ length: 40 }, (_, i) => ({ kind: 'add' as const, at: '2026-12-07T09:00:00Z', keysWritten: 90 + 2 * (i % 11), bytesWritten: 50_000, ms: 1000, compacted: false })),
  corpus: { keys: 316_000, bytes: 1.6e9 },
  levelOne,
};
const cell = (text: string, row: string) => text.split('\n').find((l) => l.startsWith(`| ${row}`))!.split('|').map((c) => c.trim());

describe('level 1 over a newsroom day', () => {
  it('takes growth per publish and bytes per entry from the last fold', () => {
    expect(measuredGrowth(levelOne)).toEqual({ entriesPerPublish: 50, bytesPerEntry: 8, keysPerPublish: 100, publishesPerFold: 33, folds: 1 });
    expect(measuredGrowth({ folds: [], perPublish: [] })).toBeNull();
    expect(measuredGrowth(undefined)).toBeNull();
  });

  it('lists each fold and prices publishing at a million articles with the measured growth', () => {
    const text = levelOneSection(day).join('\n');
    expect(text).toContain('2,000 distinct of 4,000');
    expect(text).toContain('| 33 | 33 | 1,650 | +1,650 | 3,300 | 33 | 13,200 | 8.00 |');
    // Median delta 100 keys: chain of 32; level 1 may hold a quarter of 3,160,000 keys, at 50 entries a publish
    // 493 folds, so the bound of 8,192 generations (255 folds of 32) comes first: a base every 8,192 publishes.
    expect(text).toContain('a new base every 8,192 publishes');
    expect(cell(text, 'KV writes of deltas')[2]).toBe('100,000');
    expect(cell(text, 'KV writes of new bases')[2]).toBe(Math.round((3_160_000 * 1000) / 8192).toLocaleString('en'));
    expect(text).toContain('growing by 50.0 index entries a publish as measured over a newsroom\'s day at 100,000 articles (1 fold(s), one every 33 publishes');
    // Counting every delta key as new, level 1 would fill first: 246 folds, a base every 7,904 publishes.
    expect(publishingRule(3_160_000, 100).cycle).toBe(7_904);
  });

  it('says so when no publish folded', () => {
    const text = levelOneSection({ ...day, levelOne: { folds: [], perPublish: levelOne.perPublish } }).join('\n');
    expect(text).toContain('No publish folded the chain into level 1');
    expect(dayGrowth({ ...day, levelOne: undefined })).toBeUndefined();
  });
});
