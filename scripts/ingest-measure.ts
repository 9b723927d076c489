/**
 * Scores the page reader (docs/ingest.md):
 *
 *   tsx scripts/ingest-measure.ts [--set DIR] [--docs] [--benchmark DIR]
 *
 * The dev set (tests/fixtures/ingest-devset: gzipped pages and hand-checked gold files) per
 * page and in total, the dev and held-out parts apart; with --benchmark, the
 * article-extraction benchmark's folder gets output/edge-news-ingest.json for its own
 * evaluate.py, and the same measure is printed here. --docs writes the tables into
 * docs/ingest.md between its figure markers. Progress goes to stderr.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runBenchmark } from '../tools/ingest/measure/benchmark';
import { measureDevSet, tables } from '../tools/ingest/measure/dev-set';

let parsed;
try {
  parsed = parseArgs({ options: { set: { type: 'string', default: 'tests/fixtures/ingest-devset' }, docs: { type: 'boolean', default: false }, benchmark: { type: 'string' } } });
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const { values } = parsed;
const progress = (line: string) => console.error(line);
const results = await measureDevSet(values.set!, progress);
const sections: Record<string, string> = { 'dev set': tables(results) };
if (values.benchmark) {
  const b = await runBenchmark(values.benchmark, 'edge-news-ingest', 'ingest', progress);
  let evaluated: string;
  try {
    // The benchmark's own script scores every output/*.json of its folder; ours is the line named edge-news-ingest.
    const out = execFileSync('python3', ['evaluate.py', '--n-bootstrap', '100'], { cwd: values.benchmark, encoding: 'utf8' });
    evaluated = ['```', ...out.split('\n').filter((l, i) => i === 0 || l.startsWith('edge-news-ingest')), '```'].join('\n');
  } catch (error) {
    evaluated = `evaluate.py failed: ${(error as Error).message.split('\n')[0]}`;
  }
  sections.benchmark = `Scored by the benchmark's evaluate.py (${b.pages} pages):\n\n${evaluated}\n\n`
    + `The same measure re-implemented here (tools/ingest/measure/shingles.ts):\n\n| F1 | precision | recall | accuracy | empty bodies |\n|---|---|---|---|---|\n`
    + `| ${b.f1.toFixed(3)} | ${b.precision.toFixed(3)} | ${b.recall.toFixed(3)} | ${b.accuracy.toFixed(3)} | ${b.empty} |\n`;
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
