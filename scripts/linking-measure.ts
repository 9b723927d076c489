/**
 * Measures entity linking on the judged set and writes the figures into docs/ingest-linking.md,
 * between its `<!-- linking:measure -->` markers; see tools/linking/measure.ts.
 *
 *   npm run linking:measure
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureLinking } from '../tools/linking/measure';
import { formatMeasurement } from '../tools/linking/measure-format';
import { replaceMeasured } from '../tools/linking/measured-doc';

const root = join(import.meta.dirname, '..');
const doc = join(root, 'docs', 'ingest-linking.md');
const m = measureLinking(root);
writeFileSync(doc, replaceMeasured(readFileSync(doc, 'utf8'), formatMeasurement(m)));
for (const s of m.bySplit) console.log(`${s.split}: precision ${s.scores.precision.toFixed(3)}, recall ${s.scores.recall.toFixed(3)} (${s.scores.correct}/${s.scores.predicted} links correct, ${s.scores.gold} judged mentions)`);
console.log('written to docs/ingest-linking.md');
