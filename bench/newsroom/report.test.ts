import { describe, expect, it } from 'vitest';
import { newTally } from './readers';
import { spliceSection } from '../figures-doc';
import { NEWSROOM_HEADING, newsroomChart, newsroomReport, type NewsroomResults } from './report';

const tally = (requests: number, wrong: number, untouched: number, untouchedHits: number, hits: number) => ({ ...newTally(), requests, wrong, untouched, untouchedHits, hits, kvKeys: requests * 3, kvRoundTrips: requests });

const results: NewsroomResults = {
  kind: 'newsroom', startedAt: '2026-12-07T18:00:00.000Z', articles: 2000, publishes: 3, requestsPerPublish: 10, loadAverage: '2.0-3.0',
  day: tally(30, 1, 20, 19, 22),
  byKind: { add: tally(20, 1, 12, 12, 15), correct: tally(10, 0, 8, 7, 7) },
  byHour: Array.from({ length: 24 }, (_, h) => (h === 9 ? tally(30, 1, 20, 19, 22) : newTally())),
  desk: [
    { kind: 'add', at: '2026-12-07T09:00:00Z', keysWritten: 40, ms: 900, compacted: false },
    { kind: 'add', at: '2026-12-07T09:10:00Z', keysWritten: 60, ms: 1100, compacted: false, folded: true },
    { kind: 'correct', at: '2026-12-07T09:20:00Z', keysWritten: 20, ms: 700, compacted: true },
  ],
  returns: [
    { away: 1, changes: 1, requests: 1, bytes: 500, recordBytes: 200, gzipBytes: 250, recordGzipBytes: 200, refresh: false, card: { bytes: 300, recordBytes: 100, gzipBytes: 200, recordGzipBytes: 100 } },
    { away: 1, changes: 3, requests: 2, bytes: 700, recordBytes: 300, gzipBytes: 350, recordGzipBytes: 300, refresh: false, card: { bytes: 500, recordBytes: 150, gzipBytes: 250, recordGzipBytes: 150 } },
  ],
  heapPeakMiB: 12.5,
};

describe('the newsroom report', () => {
  const text = newsroomReport(results, 'chart.svg');

  it('gives each kind of publish and the day its counts and shares', () => {
    expect(text).toContain('| add (2) | 20 | 1 | 100.0% (12 / 12) | - (0 / 0) | 75.0% | 3.00 | 1.00 | 0 |');
    expect(text).toContain('| correct (1) | 10 | 0 | 87.5% (7 / 8) | - (0 / 0) | 70.0% |');
    expect(text).toContain('| the day | 30 | 1 | 95.0% (19 / 20) |');
    expect(text).not.toContain('| withdraw');
  });

  it('gives the publishes\' median cost, the new bases, the heap and the sync clients', () => {
    expect(text).toContain('median 40 keys and 900 ms');
    expect(text).toContain('1 folding the chain into level 1, 1 written as a new base');
    expect(text).toContain('at most 12.5 MiB');
    // Two returns after one publish away: 4 changes, at most 2 requests, 1,200 bytes for 500 of records (600 for 500 gzipped); cards 800 for 250.
    expect(text).toContain('| 1 | 2 | 0 | 2 | 2 | 2.40 | 1.20 | 3.20 | 1.80 |');
  });

  it('charts the day by hour', () => {
    const svg = newsroomChart(results);
    expect(svg.match(/<text [^>]*>\d\d<\/text>/g)).toHaveLength(24);
    expect(svg.match(/fill="#999">none</g)).toHaveLength(23);
    expect(svg).toContain('height="152.0" fill="#1b9e77"');
  });
});

describe('splicing the newsroom section into the figures doc', () => {
  const doc = '# Figures\n\n## npm run bench (1)\n\na\n\n## npm run bench -- --newsroom (old)\n\nold text\n\n## bench/cold-sizes.ts\n\nb\n';

  it('replaces the last run\'s section and keeps the others', () => {
    const next = spliceSection(doc, NEWSROOM_HEADING, '## npm run bench -- --newsroom (new)\n\nnew text');
    expect(next).toBe('# Figures\n\n## npm run bench (1)\n\na\n\n## npm run bench -- --newsroom (new)\n\nnew text\n\n## bench/cold-sizes.ts\n\nb\n');
  });

  it('adds the section at the end when the doc has none', () => {
    expect(spliceSection('# Figures\n\n## x\n\ny\n', NEWSROOM_HEADING, '## npm run bench -- --newsroom (new)')).toBe('# Figures\n\n## x\n\ny\n\n## npm run bench -- --newsroom (new)\n');
  });
});
