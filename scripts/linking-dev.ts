/**
 * The figures to tune entity linking and candidates on: only the dev documents are linked (the
 * held-out and fresh ones are not even read into the linker), by language and by fold
 * (tools/linking/dev-folds.ts), with fold A's wrong candidates and uncovered entities listed.
 * Tune on fold A; fold B's figures show whether a change carries over. Writes nothing.
 *
 *   npm run linking:dev
 */
import { join } from 'node:path';
import { candidatePrecision, coverage, sumCandidates, type CandidateScores } from '../tools/linking/candidate-measure';
import { measureLinking } from '../tools/linking/measure';

const root = join(import.meta.dirname, '..');
const m = measureLinking(root, ['dev']);
const f = (x: number) => x.toFixed(3);
const cand = (s: CandidateScores) => `candidate precision ${f(candidatePrecision(s))} (${s.real}/${s.candidates}), coverage ${f(coverage(s))} (${s.covered}/${s.entities})`;
for (const l of m.byLanguage) console.log(`dev ${l.language}: links ${f(l.scores.precision)}/${f(l.scores.recall)}; ${cand(l.candidates)}`);
for (const l of m.byFold) console.log(`fold ${l.fold} ${l.language} (${l.documents}): links ${f(l.scores.precision)}/${f(l.scores.recall)}; ${cand(l.candidates)}`);
for (const fold of ['A', 'B']) console.log(`fold ${fold}: ${cand(sumCandidates(m.byFold.filter((l) => l.fold === fold).map((l) => l.candidates)))}`);
console.log(`dev: ${cand(m.candidatesBySplit[0]!.scores)}`);
if (process.argv.includes('--list')) {
  for (const d of m.candidateDocuments.filter((x) => x.fold === 'A')) {
    if (d.wrong.length) console.log(`A wrong ${d.id}: ${d.wrong.join('; ')}`);
    if (d.uncovered.length) console.log(`A uncovered ${d.id}: ${d.uncovered.join('; ')}`);
  }
}
