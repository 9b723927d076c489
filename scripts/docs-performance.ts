/**
 * Writes docs/performance-figures.md, the figures docs/performance.md discusses, from
 * bench/results/ (bench/figures-doc.ts):
 *
 *   npm run bench && npm run bench -- --per-operation && npm run docs:performance
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { AB_CHART, COLD_SIZES_CHART, FIGURES_DOC, coldSearchSection, figuresDoc, figuresSection, newestAb, newestColdSizes, newestNewsroom, newestPerOperationBySize, NEWSROOM_CHART, perOperationChartName, replaceSection, spliceSection } from '../bench/figures-doc';
import { NEWSROOM_HEADING, newsroomChart, newsroomReport } from '../bench/newsroom/report';
import { abChart } from '../bench/per-operation/ab-report';
import { coldSizesChart } from '../bench/cold-sizes-chart';
import { perOperationChart } from '../bench/per-operation/chart';

// `-- --only search-cold` (or `newsroom`): renew only that bench's section, from its newest run.
if (process.argv.includes('--only')) {
  const only = process.argv[process.argv.indexOf('--only') + 1];
  const day = only === 'newsroom' ? newestNewsroom('bench/results') : undefined;
  if (day) {
    writeFileSync(`docs/${NEWSROOM_CHART}`, newsroomChart(day));
    writeFileSync(FIGURES_DOC, spliceSection(readFileSync(FIGURES_DOC, 'utf8'), NEWSROOM_HEADING, newsroomReport(day, NEWSROOM_CHART)));
    console.log(`${FIGURES_DOC}: the newsroom section from bench/results/`);
    process.exit(0);
  }
  const section = only === 'search-cold' ? coldSearchSection('bench/results') : undefined;
  if (!section) throw new Error(`--only ${only}: no such section, or no results for it in bench/results/`);
  writeFileSync(FIGURES_DOC, replaceSection(readFileSync(FIGURES_DOC, 'utf8'), 'bench/search-cold.ts', section));
  console.log(`${FIGURES_DOC}: the bench/search-cold.ts section from bench/results/`);
  process.exit(0);
}

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
