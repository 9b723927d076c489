/**
 * Writes docs/performance-figures.md, the figures docs/performance.md discusses, from
 * bench/results/ (bench/figures-doc.ts):
 *
 *   npm run bench && npm run bench -- --per-operation && npm run docs:performance
 */
import { writeFileSync } from 'node:fs';
import { AB_CHART, COLD_SIZES_CHART, FIGURES_DOC, figuresDoc, figuresSection, newestAb, newestColdSizes, newestNewsroom, newestPerOperationBySize, NEWSROOM_CHART, perOperationChartName } from '../bench/figures-doc';
import { newsroomChart } from '../bench/newsroom/report';
import { abChart } from '../bench/per-operation/ab-report';
import { coldSizesChart } from '../bench/cold-sizes-chart';
import { perOperationChart } from '../bench/per-operation/chart';

// The charts the figures show, drawn from the same newest per-operation run of each size.
for (const perOperation of newestPerOperationBySize('bench/results')) writeFileSync(`docs/${perOperationChartName(perOperation)}`, perOperationChart(perOperation));
const coldSizes = newestColdSizes('bench/results');
if (coldSizes) writeFileSync(`docs/${COLD_SIZES_CHART}`, coldSizesChart(coldSizes.results, `Cold p50 by corpus size (${coldSizes.stamp}, load ${coldSizes.results.loadAverage})`));
const ab = newestAb('bench/results');
if (ab) writeFileSync(`docs/${AB_CHART}`, abChart(ab));
const newsroom = newestNewsroom('bench/results');
if (newsroom) writeFileSync(`docs/${NEWSROOM_CHART}`, newsroomChart(newsroom));
writeFileSync(FIGURES_DOC, figuresDoc(figuresSection('bench/results')));
console.log(`${FIGURES_DOC}: figures from bench/results/`);
