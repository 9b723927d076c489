import { candidatePrecision, coverage, sumCandidates, type CandidateScores } from './candidate-measure';
import { SPLITS, type Measurement } from './measure';

const pct = (x: number) => x.toFixed(3);

/** The figures as docs/ingest-linking.md prints them, between its markers. */
export function formatMeasurement(m: Measurement): string {
  const o = m.overall;
  const splits = m.bySplit.map((s) => `${s.split} precision **${pct(s.scores.precision)}**, recall **${pct(s.scores.recall)}** (${s.scores.correct} correct of ${s.scores.predicted} links, ${s.scores.gold} judged mentions)`);
  const rows = m.byLanguage.map(
    (d) => `| ${d.language} | ${d.split} | ${d.documents} | ${d.scores.gold} | ${d.scores.predicted} | ${d.scores.correct} | ${pct(d.scores.precision)} | ${pct(d.scores.recall)} |`,
  );
  const list = (xs: Measurement['misses']) => xs.map((x) => `${x.text} (${x.slug}, ${x.id})`).join('; ') || 'none';
  return [
    `${splits.join('; ')}. All: precision ${pct(o.precision)}, recall ${pct(o.recall)}; ${m.documents} documents, ${m.paragraphs} paragraphs.`,
    '',
    '| language | split | documents | judged | linked | correct | precision | recall |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    ...SPLITS.flatMap((split) => ['', `Missed (${split}): ${list(m.misses.filter((x) => x.split === split))}.`, '', `Linked wrongly (${split}): ${list(m.wrong.filter((x) => x.split === split))}.`]),
    '',
    ...formatCandidates(m),
  ].join('\n');
}

const cand = (s: CandidateScores) => `candidate precision **${pct(candidatePrecision(s))}** (${s.real} of ${s.candidates}), coverage **${pct(coverage(s))}** (${s.covered} of ${s.entities})`;
const candRow = (label: string, s: CandidateScores) => `| ${label} | ${s.candidates} | ${s.real} | ${pct(candidatePrecision(s))} | ${s.entities} | ${s.covered} | ${pct(coverage(s))} |`;

/**
 * Candidates against every named entity: per split and language, then the dev documents by fold
 * (tools/linking/dev-folds.ts); the dev documents' misses listed, every other split's only counted.
 */
function formatCandidates(m: Measurement): string[] {
  const dev = m.candidateDocuments.filter((d) => d.split === 'dev');
  const named = (xs: string[][]) => xs.flat().join('; ') || 'none';
  const fold = (f: 'A' | 'B') => sumCandidates(m.byFold.filter((l) => l.fold === f).map((l) => l.candidates));
  return [
    `Candidates (names the KB lacks) against every named entity of the same texts: ${m.candidatesBySplit.map((s) => `${s.split} ${cand(s.scores)}`).join('; ')}.`,
    '',
    '| language | split | candidates | real names | candidate precision | named entities | linked or candidate | coverage |',
    '|---|---|---|---|---|---|---|---|',
    ...m.byLanguage.map((d) => candRow(`${d.language} | ${d.split}`, d.candidates)),
    '',
    `The dev documents in two folds: fold A ${cand(fold('A'))}; fold B ${cand(fold('B'))}.`,
    '',
    '| language | fold | candidates | real names | candidate precision | named entities | linked or candidate | coverage |',
    '|---|---|---|---|---|---|---|---|',
    ...m.byFold.map((d) => candRow(`${d.language} | ${d.fold}`, d.candidates)),
    '',
    `Candidates that are no named entity (dev): ${named(dev.map((d) => d.wrong))}.`,
    '',
    `Named entities neither linked nor a candidate (dev): ${named(dev.map((d) => d.uncovered))}.`,
  ];
}
