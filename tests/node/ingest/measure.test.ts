import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBenchmark } from '../../../tools/ingest/measure/benchmark';
import { lineDiff, tuningMisses } from '../../../tools/ingest/measure/benchmark-misses';
import { splitBenchmark, type BenchmarkSplit } from '../../../tools/ingest/measure/benchmark-split';
import { measureDevSet, tables } from '../../../tools/ingest/measure/dev-set';

/**
 * `npm run ingest:measure` on a two-page copy of the dev set (a Korean article, a price
 * table that must be refused) and on a two-page folder in the benchmark's layout.
 */
const set = join(import.meta.dirname, '..', '..', 'fixtures', 'ingest-devset');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'measure-'));
  mkdirSync(join(dir, 'set'));
  for (const id of ['kbs-news-1', 'yonhap-news-1']) {
    for (const ext of ['.html.gz', '.gold.json']) copyFileSync(join(set, id + ext), join(dir, 'set', id + ext));
  }
  mkdirSync(join(dir, 'bench', 'html'), { recursive: true });
  const body = [1, 2, 3, 4, 5].map((i) => `On day ${i} the council met and argued about the budget until late in the evening, members said.`);
  const html = `<html lang="en"><head><title>Council</title></head><body><article><h1>Council</h1>${body.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  writeFileSync(join(dir, 'bench', 'html', 'a.html.gz'), gzipSync(html));
  writeFileSync(join(dir, 'bench', 'html', 'b.html.gz'), gzipSync('<html><body><p>menu</p></body></html>'));
  writeFileSync(join(dir, 'bench', 'ground-truth.json'), JSON.stringify({ a: { articleBody: body.join('\n') }, b: { articleBody: 'Some other text entirely here.' } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run ingest:measure', () => {
  it('scores each dev-set page against its gold file, the parts apart', async () => {
    const results = await measureDevSet(join(dir, 'set'), () => {});
    const [kbs, yonhap] = results;
    expect(kbs).toMatchObject({ id: 'kbs-news-1', rightly: true, headline: true, date: true, language: true, first: true, last: true, paragraphs: 10 });
    expect(kbs!.f1!.tp).toBeGreaterThan(0.9);
    expect(yonhap).toMatchObject({ id: 'yonhap-news-1', rightly: true });
    expect(yonhap!.got.refused).toMatch(/no body/);
    const text = tables(results);
    expect(text).toMatch(/\| dev \(tuned on\) \| 1 \| 1\/1 \(100\.0%\) \| (?:0\.9\d\d|1\.000) \(1\) \| 0\/10 \(0\.0%\)/);
    expect(text).toMatch(/\| held-out \| 1 \| 1\/1 \(100\.0%\)/);
    expect(text).toContain('| kbs-news-1 | dev | yes |');
  }, 60_000);

  it('writes the benchmark\'s output/<name>.json and scores it by the benchmark\'s measure', async () => {
    const split: BenchmarkSplit = { rule: 'test', tune: ['a'], heldout: ['b'] };
    const b = await runBenchmark(join(dir, 'bench'), 'edge-news-ingest', 'test', split, () => {});
    const written = JSON.parse(readFileSync(join(dir, 'bench', 'output', 'edge-news-ingest.json'), 'utf8'));
    expect(Object.keys(written)).toEqual(['version', 'output']);
    expect(Object.keys(written.output).sort()).toEqual(['a', 'b']);
    expect(written.output.b).toEqual({ articleBody: '' });
    // Page a is exact (precision, recall 1); page b is empty: recall 0, and no precision to count.
    expect(b.total).toMatchObject({ pages: 2, exact: 1, empty: 1, precision: 1, recall: 0.5, accuracy: 0.5, f1: 2 / 3 });
    // Each half is scored alone: a is the tuning half, b the held-out one.
    expect(b.tune).toMatchObject({ pages: 1, exact: 1, empty: 0, f1: 1, accuracy: 1 });
    expect(b.heldout).toMatchObject({ pages: 1, exact: 0, empty: 1, recall: 0, accuracy: 0 });
    // Only the tuning half's inexact pages are shown; b is held out, a is exact.
    expect(tuningMisses(b.pages)).toBe('');
    expect(tuningMisses(b.pages.map((p) => ({ ...p, half: 'tune' as const })))).toContain('## b F1 0.000\n- Some other text entirely here.');
  }, 60_000);

  it('refuses to score a page the recorded split does not hold', async () => {
    await expect(runBenchmark(join(dir, 'bench'), 'edge-news-ingest', 'test', { rule: 'test', tune: ['a'], heldout: [] }, () => {})).rejects.toThrow(/b is in neither half/);
  }, 60_000);
});

describe('the benchmark split', () => {
  const recorded = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'ingest-benchmark', 'split.json'), 'utf8')) as BenchmarkSplit;

  it('is the recorded rule applied to the recorded ids: 181 pages, 91 to tune on, 90 held out, none in both', () => {
    const ids = [...recorded.tune, ...recorded.heldout];
    expect(recorded.tune).toHaveLength(91);
    expect(recorded.heldout).toHaveLength(90);
    expect(new Set(ids).size).toBe(181);
    expect(splitBenchmark(ids)).toEqual(recorded);
    // Order of the input does not matter.
    expect(splitBenchmark([...ids].reverse())).toEqual(recorded);
  });

  it('diffs lines by the benchmark\'s tokens, so spacing and punctuation are no difference', () => {
    expect(lineDiff('One line here.\nA pull quote', 'One  line here\nA footer')).toEqual(['- A pull quote', '+ A footer']);
  });
});
