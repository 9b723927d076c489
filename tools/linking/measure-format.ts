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
  ].join('\n');
}
