import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJudged, score, type GoldSpan, type Scores } from './judged-text';
import { buildKnowledgeBase, kbEntities, type DataSetLike } from './knowledge-base';
import { linkStory } from './link-story';
import type { GivenLink } from './source-links';

/**
 * Links every document of the judged set (tests/fixtures/linking/judged-set.json) with the KB in
 * data/entities and scores the links against the judgments. The test that keeps the thresholds
 * (tools/linking/judged-set.test.ts) and `npm run linking:measure`, which writes the figures into
 * docs/ingest-linking.md, both call this: the doc shows what the test measured.
 */

interface JudgedDocument {
  id: string;
  source: string;
  language: string;
  paragraphs: string[];
  given?: GivenLink[];
}

export interface Measurement {
  overall: Scores;
  byDocument: Array<{ id: string; language: string; scores: Scores }>;
  documents: number;
  paragraphs: number;
  misses: Array<{ id: string; text: string; slug: string }>;
  wrong: Array<{ id: string; text: string; slug: string }>;
}

export function readKb(root: string): DataSetLike {
  const load = (file: string) => JSON.parse(readFileSync(join(root, 'data', 'entities', file), 'utf8'));
  return { people: load('people.json'), events: load('events.json'), places: load('places.json'), organizations: load('organizations.json') };
}

export function measureLinking(root: string): Measurement {
  const kb = buildKnowledgeBase(kbEntities(readKb(root)));
  const set = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'linking', 'judged-set.json'), 'utf8')) as { documents: JudgedDocument[] };
  const all: Array<{ predicted: GoldSpan[]; gold: GoldSpan[] }> = [];
  const result: Measurement = { overall: score([]), byDocument: [], documents: set.documents.length, paragraphs: 0, misses: [], wrong: [] };
  for (const doc of set.documents) {
    const parsed = doc.paragraphs.map(parseJudged);
    const links = linkStory({ language: doc.language, paragraphs: parsed.map((p) => p.text), given: doc.given }, kb);
    const pairs = parsed.map((p, i) => ({
      text: p.text,
      gold: p.gold,
      predicted: links.mentions.filter((m) => m.paragraph === i).map(({ start, end, slug }) => ({ start, end, slug })),
    }));
    for (const p of pairs) {
      const key = (s: GoldSpan) => `${s.start}:${s.end}:${s.slug}`;
      const got = new Set(p.predicted.map(key));
      const want = new Set(p.gold.map(key));
      for (const g of p.gold) if (!got.has(key(g))) result.misses.push({ id: doc.id, text: p.text.slice(g.start, g.end), slug: g.slug });
      for (const s of p.predicted) if (!want.has(key(s))) result.wrong.push({ id: doc.id, text: p.text.slice(s.start, s.end), slug: s.slug });
    }
    all.push(...pairs);
    result.paragraphs += pairs.length;
    result.byDocument.push({ id: doc.id, language: doc.language, scores: score(pairs) });
  }
  result.overall = score(all);
  return result;
}

const pct = (x: number) => x.toFixed(3);

/** The figures as the doc prints them, between its markers. */
export function formatMeasurement(m: Measurement): string {
  const o = m.overall;
  const rows = m.byDocument.map(
    (d) => `| ${d.id} | ${d.language} | ${d.scores.gold} | ${d.scores.predicted} | ${d.scores.correct} | ${pct(d.scores.precision)} | ${pct(d.scores.recall)} |`,
  );
  return [
    `Precision **${pct(o.precision)}**, recall **${pct(o.recall)}** (${o.correct} correct of ${o.predicted} links made, ${o.gold} judged mentions; ${m.documents} documents, ${m.paragraphs} paragraphs).`,
    '',
    '| document | language | judged | linked | correct | precision | recall |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Missed: ${m.misses.map((x) => `${x.text} (${x.slug}, ${x.id})`).join('; ') || 'none'}.`,
    '',
    `Linked wrongly: ${m.wrong.map((x) => `${x.text} (${x.slug}, ${x.id})`).join('; ') || 'none'}.`,
  ].join('\n');
}
