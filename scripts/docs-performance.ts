/**
 * Writes the figures of docs/performance.md from bench/results/ (bench/figures-doc.ts):
 *
 *   npm run bench && npm run bench -- --per-operation && npm run docs:performance
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { figuresSection, newestPerOperation, PER_OPERATION_CHART, withFigures } from '../bench/figures-doc';
import { perOperationChart } from '../tools/perf/per-operation-chart';

const path = 'docs/performance.md';
// The chart the figures show, drawn from the same newest per-operation run.
const perOperation = newestPerOperation('bench/results');
if (perOperation) writeFileSync(`docs/${PER_OPERATION_CHART}`, perOperationChart(perOperation));
writeFileSync(path, withFigures(readFileSync(path, 'utf8'), figuresSection('bench/results')));
console.log(`${path}: figures from bench/results/`);
