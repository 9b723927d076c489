import { candidatePrecision, coverage, type CandidateScores } from './candidate-measure';
import type { Measurement } from './measure';

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
    '',
    `Missed (dev): ${list(m.misses.filter((x) => x.split === 'dev'))}.`,
    '',
    `Linked wrongly (dev): ${list(m.wrong.filter((x) => x.split === 'dev'))}.`,
    '',
    `Missed (held-out): ${list(m.misses.filter((x) => x.split === 'held-out'))}.`,
    '',
    `Linked wrongly (held-out): ${list(m.wrong.filter((x) => x.split === 'held-out'))}.`,
    '',
    `Missed (fresh): ${list(m.misses.filter((x) => x.split === 'fresh'))}.`,
    '',
    `Linked wrongly (fresh): ${list(m.wrong.filter((x) => x.split === 'fresh'))}.`,
    '',
    ...formatCandidates(m),
  ].join('\n');
}

const cand = (s: CandidateScores) => `candidate precision **${pct(candidatePrecision(s))}** (${s.real} of ${s.candidates}), coverage **${pct(coverage(s))}** (${s.covered} of ${s.entities})`;

/** Candidates against every named entity: per split and language; the dev documents' misses listed, the held-out ones only counted. */
function formatCandidates(m: Measurement): string[] {
  const dev = m.candidateDocuments.filter((d) => d.split === 'dev');
  const named = (xs: string[][]) => xs.flat().join('; ') || 'none';
  return [
    `Candidates (names the KB lacks) against every named entity of the same texts: ${m.candidatesBySplit.map((s) => `${s.split} ${cand(s.scores)}`).join('; ')}.`,
    '',
    '| language | split | candidates | real names | candidate precision | named entities | linked or candidate | coverage |',
    '|---|---|---|---|---|---|---|---|',
    ...m.byLanguage.map(
      (d) => `| ${d.language} | ${d.split} | ${d.candidates.candidates} | ${d.candidates.real} | ${pct(candidatePrecision(d.candidates))} | ${d.candidates.entities} | ${d.candidates.covered} | ${pct(coverage(d.candidates))} |`,
    ),
    '',
    `Candidates that are no named entity (dev): ${named(dev.map((d) => d.wrong))}.`,
    '',
    `Named entities neither linked nor a candidate (dev): ${named(dev.map((d) => d.uncovered))}.`,
  ];
}
