/**
 * Scores the page reader (docs/ingest.md):
 *
 *   tsx scripts/ingest-measure.ts [--set DIR] [--docs] [--benchmark DIR [--misses]]
 *
 * The dev set (tests/fixtures/ingest-devset: gzipped pages and hand-checked gold files) per
 * page and in total, the dev and held-out parts apart; with --benchmark, the
 * article-extraction benchmark's folder gets output/edge-news-ingest.json for its own
 * evaluate.py, and the same measure is printed here, in total and for each half of the recorded
 * split (tests/fixtures/ingest-benchmark/split.json); --misses prints the tuning half's inexact
 * pages as line diffs instead of the tables. --docs writes the tables into
 * docs/ingest.md between its figure markers. Progress goes to stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runBenchmark, type Score } from '../tools/ingest/measure/benchmark';
import { tuningMisses } from '../tools/ingest/measure/benchmark-misses';
import type { BenchmarkSplit } from '../tools/ingest/measure/benchmark-split';
import { evaluatePy } from '../tools/ingest/measure/evaluate-py';
import { measureDevSet, tables } from '../tools/ingest/measure/dev-set';

let parsed;
try {
  parsed = parseArgs({ options: { set: { type: 'string', default: 'tests/fixtures/ingest-devset' }, docs: { type: 'boolean', default: false }, benchmark: { type: 'string' }, misses: { type: 'boolean', default: false } } });
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const { values } = parsed;
const progress = (line: string) => console.error(line);
const results = values.misses ? [] : await measureDevSet(values.set!, progress);
const sections: Record<string, string> = { 'dev set': tables(results) };
if (values.benchmark) {
  const split = JSON.parse(readFileSync('tests/fixtures/ingest-benchmark/split.json', 'utf8')) as BenchmarkSplit;
  const b = await runBenchmark(values.benchmark, 'edge-news-ingest', 'ingest', split, progress);
  if (values.misses) {
    console.log(tuningMisses(b.pages));
    process.exit(0);
  }
  const halves = { tune: b.pages.filter((p) => p.half === 'tune'), heldout: b.pages.filter((p) => p.half === 'heldout') };
  const py = (pages?: typeof b.pages) => evaluatePy(values.benchmark!, 'edge-news-ingest', 'ingest', pages);
  const row = (part: string, s: Score) => `| ${part} | ${s.pages} | ${s.f1.toFixed(3)} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.accuracy.toFixed(3)} (${s.exact}) | ${s.empty} |`;
  sections.benchmark = `Scored by the benchmark's evaluate.py: all ${b.total.pages} pages, then each half of the split run alone through the same script:\n\n`
    + ['```', py(), '```', '', 'Tuning half (tuned on):', '', '```', py(halves.tune), '```', '', 'Held-out half:', '', '```', py(halves.heldout), '```'].join('\n')
    + `\n\nThe same measure re-implemented here (tools/ingest/measure/shingles.ts):\n\n| part | pages | F1 | precision | recall | accuracy (exact pages) | empty bodies |\n|---|---|---|---|---|---|---|\n`
    + `${row('tuning half', b.tune)}\n${row('held-out half', b.heldout)}\n${row('all', b.total)}\n`;
}
console.log(Object.values(sections).join('\n'));
if (values.docs) {
  const path = 'docs/ingest.md';
  let doc = readFileSync(path, 'utf8');
  for (const [name, text] of Object.entries(sections)) {
    const open = `<!-- ${name}: npm run ingest:measure -- --docs${name === 'benchmark' ? ' --benchmark DIR' : ''} -->`;
    const close = `<!-- end of ${name} -->`;
    const start = doc.indexOf(open);
    const end = doc.indexOf(close);
    if (start < 0 || end < start) {
      console.error(`${path} has no ${open} ... ${close} markers`);
      process.exit(1);
    }
    doc = `${doc.slice(0, start + open.length)}\n\n${text}\n${doc.slice(end)}`;
  }
  writeFileSync(path, doc);
  console.error(`wrote ${path}`);
}
