/**
 * Writes the figures of docs/performance.md from bench/results/ (bench/figures-doc.ts):
 *
 *   npm run bench && npm run bench -- --per-operation && npm run docs:performance
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { COLD_SIZES_CHART, figuresSection, newestColdSizes, newestPerOperationBySize, perOperationChartName, withFigures } from '../bench/figures-doc';
import { coldSizesChart } from '../tools/perf/cold-sizes-chart';
import { perOperationChart } from '../tools/perf/per-operation-chart';

const path = 'docs/performance.md';
// The charts the figures show, drawn from the same newest per-operation run of each size.
for (const perOperation of newestPerOperationBySize('bench/results')) writeFileSync(`docs/${perOperationChartName(perOperation)}`, perOperationChart(perOperation));
const coldSizes = newestColdSizes('bench/results');
if (coldSizes) writeFileSync(`docs/${COLD_SIZES_CHART}`, coldSizesChart(coldSizes.results, `Cold p50 by corpus size (${coldSizes.stamp}, load ${coldSizes.results.loadAverage})`));
writeFileSync(path, withFigures(readFileSync(path, 'utf8'), figuresSection('bench/results')));
console.log(`${path}: figures from bench/results/`);
