/**
 * Measures entity linking on the judged set and writes the figures into docs/ingest-linking.md,
 * between its `<!-- linking:measure -->` markers; see tools/linking/measure.ts.
 *
 *   npm run linking:measure
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMeasurement, measureLinking } from '../tools/linking/measure';
import { replaceMeasured } from '../tools/linking/measured-doc';

const root = join(import.meta.dirname, '..');
const doc = join(root, 'docs', 'ingest-linking.md');
const m = measureLinking(root);
writeFileSync(doc, replaceMeasured(readFileSync(doc, 'utf8'), formatMeasurement(m)));
console.log(`precision ${m.overall.precision.toFixed(3)}, recall ${m.overall.recall.toFixed(3)} (${m.overall.correct}/${m.overall.predicted} links correct, ${m.overall.gold} judged mentions): written to docs/ingest-linking.md`);
