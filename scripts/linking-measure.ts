/**
 * Measures entity linking on the judged sets and writes the figures into docs/ingest-linking.md,
 * between its `<!-- linking:measure -->` markers; see tools/linking/measure.ts. Every split is
 * measured here, held-out and fresh ones included: tune with `npm run linking:dev` instead.
 *
 *   npm run linking:measure
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidatePrecision, coverage, type CandidateScores } from '../tools/linking/candidate-measure';
import { measureLinking } from '../tools/linking/measure';
import { formatMeasurement } from '../tools/linking/measure-format';
import { replaceMeasured } from '../tools/linking/measured-doc';

const root = join(import.meta.dirname, '..');
const doc = join(root, 'docs', 'ingest-linking.md');
const m = measureLinking(root);
writeFileSync(doc, replaceMeasured(readFileSync(doc, 'utf8'), formatMeasurement(m)));
const f = (x: number) => x.toFixed(3);
const cand = (s: CandidateScores) => `candidate precision ${f(candidatePrecision(s))} (${s.real}/${s.candidates}), coverage ${f(coverage(s))} (${s.covered}/${s.entities})`;
for (const s of m.bySplit) console.log(`${s.split}: precision ${f(s.scores.precision)}, recall ${f(s.scores.recall)} (${s.scores.correct}/${s.scores.predicted} links correct, ${s.scores.gold} judged mentions)`);
for (const l of m.byLanguage) console.log(`${l.split} ${l.language}: links ${f(l.scores.precision)}/${f(l.scores.recall)}; ${cand(l.candidates)}`);
for (const s of m.candidatesBySplit) console.log(`${s.split}: ${cand(s.scores)}`);
for (const l of m.byFold) console.log(`dev fold ${l.fold} ${l.language}: ${cand(l.candidates)}`);
console.log('written to docs/ingest-linking.md');
