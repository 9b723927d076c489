import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishOneTable, type PublishOneResults } from './publish-one-report';
import { runReport, type BenchResults } from './report';
import { buildsTable, scaleSection, type BuildFigures, type PublishOneFigures } from './scale-model';
import { perOperationReport, type PerOperationResults } from './per-operation/report';
import type { ColdSizesResults } from './cold-sizes-chart';
import { abReport, type AbResults } from './per-operation/ab-report';
import { newsroomReport, type NewsroomResults } from './newsroom/report';
import { dayGrowth } from './newsroom/level-one-report';

/** The file `npm run docs:performance` writes; docs/performance.md (prose) links to it. */
export const FIGURES_DOC = 'docs/performance-figures.md';
/** Where it writes the per-operation chart, beside the figures. */
export const PER_OPERATION_CHART = 'performance-per-operation.svg';
/** And bench/cold-sizes.ts's chart. */
export const COLD_SIZES_CHART = 'performance-cold-sizes.svg';
/** And `npm run bench:ab`'s chart (two builds per operation). */
export const AB_CHART = 'performance-ab.svg';
/** And the newsroom's day (`npm run bench -- --newsroom`). */
export const NEWSROOM_CHART = 'performance-newsroom.svg';

/**
 * The figures docs/performance.md discusses, rendered from what the benchmarks wrote to
 * bench/results/: the newest `npm run bench` run, the newest `npm run bench:search` rows, and
 * `npm run bench:load`'s load.json. Figures are never pasted into the docs by hand.
 */
const HEADER = [
  '# Performance figures',
  '',
  '<!-- written by `npm run docs:performance` from bench/results/; do not edit -->',
  '',
  'The benchmarks\' own output, newest run of each, as [performance.md](performance.md) describes them:',
  'run the benchmarks, then `npm run docs:performance`.',
].join('\n');

const newest = (dir: string, prefix: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.json')).sort().at(-1) : undefined;
const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

export function figuresSection(dir: string): string {
  const parts: string[] = [];
  const bench = newest(dir, 'bench-');
  parts.push(bench ? runReport(read<BenchResults>(join(dir, bench))) : '## npm run bench\n\nNot run in this clone yet.');
  const builds = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('build-') && f.endsWith('.json')).sort().map((f) => read<BuildFigures>(join(dir, f))) : [];
  if (builds.length > 0) parts.push(buildsTable(builds));
  const publishOne = newest(dir, 'publish-one-');
  const published = publishOne ? read<PublishOneResults>(join(dir, publishOne)) : undefined;
  const newsroom = newestNewsroom(dir);
  const growth = newsroom && dayGrowth(newsroom);
  if (bench) parts.push(scaleSection(read<BenchResults>(join(dir, bench)), builds, published as PublishOneFigures | undefined, newestPerOperationBySize(dir).at(-1), growth));
  if (published) parts.push(publishOneTable(published));
  for (const perOperation of newestPerOperationBySize(dir)) parts.push(perOperationReport(perOperation, perOperationChartName(perOperation)));
  const ab = newestAb(dir);
  if (ab) parts.push(abReport(ab, AB_CHART));
  if (newsroom) parts.push(newsroomReport(newsroom, NEWSROOM_CHART));
  const search = newest(dir, 'search-');
  if (search) parts.push(`## npm run bench:search (${search.slice('search-'.length, -'.json'.length)})`, rowsTable(read(join(dir, search))));
  const coldSearch = coldSearchSection(dir);
  if (coldSearch) parts.push(coldSearch);
  const coldSizes = newest(dir, 'cold-sizes-');
  if (coldSizes) {
    const cold = read<ColdSizesResults>(join(dir, coldSizes));
    parts.push(
      `## bench/cold-sizes.ts (${coldSizes.slice('cold-sizes-'.length, -'.json'.length)}, load average ${cold.loadAverage})`,
      `Cold requests (a new worker per request, every key read from KV), one at a time, sizes alternating, ${cold.rounds} per operation and size; ` +
        'the ratio is the largest corpus over the smallest (the goal: within 1.3x).',
      rowsTable(cold.rows),
      `![cold p50 by corpus size](${COLD_SIZES_CHART})`,
    );
  }
  if (existsSync(join(dir, 'load.json'))) {
    const load = read<{
      sent: number; connections: number; requestsPerSecond: number;
      latencyMs: { p50: number; p90: number; p99: number; max: number };
      status: Record<string, number>; wrongAnswers: { valid: number; hostile: number };
    }>(join(dir, 'load.json'));
    parts.push(
      '## npm run bench:load',
      '| requests | wrong answers (valid / hostile) | 5xx | throughput | latency p50 / p90 / p99 / max |\n|---|---|---|---|---|\n' +
        `| ${load.sent} at concurrency ${load.connections} | ${load.wrongAnswers.valid} / ${load.wrongAnswers.hostile} | ${load.status['5xx'] ?? 0} | ` +
        `${Math.round(load.requestsPerSecond)} req/s | ${load.latencyMs.p50} / ${load.latencyMs.p90} / ${load.latencyMs.p99} / ${load.latencyMs.max} ms |`,
    );
  }
  return parts.join('\n\n');
}

type Row = Record<string, string | number>;

/** The section of the newest bench/search-cold.ts run, if any. */
export function coldSearchSection(dir: string): string | undefined {
  const coldSearch = newest(dir, 'cold-search-');
  if (!coldSearch) return undefined;
  const cold = read<{ loadAverage: string; rows: Row[] }>(join(dir, coldSearch));
  return [
    `## bench/search-cold.ts (${coldSearch.slice('cold-search-'.length, -'.json'.length)}, load average ${cold.loadAverage})`,
    'Cold searches, stores and queries alternating; the ratios are each query over the first query of the same store (common over rare), and over the same query on the first store (larger corpus over smaller: the goal, within 1.3x).',
    rowsTable(cold.rows),
  ].join('\n\n');
}

/**
 * `figures` with its section named by `heading` (up to the next section) replaced by `section`:
 * one benchmark's figures renewed in place when the clone holds no other results.
 */
export function replaceSection(figures: string, heading: string, section: string): string {
  const start = figures.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`no section "## ${heading}" in ${FIGURES_DOC}`);
  const next = figures.indexOf('\n## ', start + 1);
  return `${figures.slice(0, start + 1)}${section}\n${next < 0 ? '' : figures.slice(next)}`;
}

/** A markdown table of rows that share their keys. */
function rowsTable(rows: Row[]): string {
  const header = Object.keys(rows[0] ?? {});
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${header.map((h) => r[h]).join(' | ')} |`)].join('\n');
}

/** The newest `npm run bench -- --newsroom` run, if any. */
export function newestNewsroom(dir: string): NewsroomResults | undefined {
  const file = newest(dir, 'newsroom-');
  return file ? read<NewsroomResults>(join(dir, file)) : undefined;
}

/** The newest `npm run bench:ab` run, if any. */
export function newestAb(dir: string): AbResults | undefined {
  const file = newest(dir, 'ab-');
  return file ? read<AbResults>(join(dir, file)) : undefined;
}

/** The newest bench/cold-sizes.ts run, if any, and its file's time stamp. */
export function newestColdSizes(dir: string): { results: ColdSizesResults; stamp: string } | undefined {
  const file = newest(dir, 'cold-sizes-');
  return file ? { results: read<ColdSizesResults>(join(dir, file)), stamp: file.slice('cold-sizes-'.length, -'.json'.length) } : undefined;
}

/**
 * The newest `npm run bench -- --per-operation` run at each corpus size, smallest first: the
 * per-operation table is taken at 1,000 articles, the peer at 100,000, and neither hides the other.
 */
export function newestPerOperationBySize(dir: string): PerOperationResults[] {
  if (!existsSync(dir)) return [];
  const bySize = new Map<number, PerOperationResults>();
  const files = readdirSync(dir).filter((f) => f.startsWith('per-operation-') && f.endsWith('.json')).sort();
  for (const file of files) {
    const results = read<PerOperationResults>(join(dir, file));
    bySize.set(results.articles, results);
  }
  return [...bySize.entries()].sort(([a], [b]) => a - b).map(([, results]) => results);
}

/** Its chart's file beside the figures: the smallest size keeps the name it always had. */
export function perOperationChartName(results: PerOperationResults): string {
  return results.articles <= 1001 ? PER_OPERATION_CHART : PER_OPERATION_CHART.replace('.svg', `-${results.articles}.svg`);
}

/**
 * `doc` with the section whose heading starts with `heading` replaced by `section` (added at
 * the end when there is none): a bench that ran alone updates its own figures without the
 * other benches' results at hand.
 */
export function spliceSection(doc: string, heading: string, section: string): string {
  const lines = doc.replace(/\n+$/, '').split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) return `${lines.join('\n')}\n\n${section}\n`;
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  return `${[...lines.slice(0, start), ...section.split('\n'), ...(end < lines.length ? ['', ...lines.slice(end)] : [])].join('\n')}\n`;
}

/** The whole figures file. */
export function figuresDoc(figures: string): string {
  return `${HEADER}\n\n${figures}\n`;
}
