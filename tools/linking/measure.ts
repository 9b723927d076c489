import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreDocumentCandidates, sumCandidates, type CandidateScores, type DocumentCandidates, type NamedEntity } from './candidate-measure';
import { devFolds, type Fold } from './dev-folds';
import { parseJudged, score, type GoldSpan, type Scores } from './judged-text';
import { buildKnowledgeBase, kbEntities, type DataSetLike } from './knowledge-base';
import { linkStory } from './link-story';
import type { GivenLink } from './source-links';

/**
 * Links every document of the judged sets (tests/fixtures/linking/judged-set.json, the texts the
 * rules were first written on, and judged-news.json, unseen news judged before rules were tuned
 * to it) with the KB in data/entities and scores the links against the judgments, by language
 * and by split: "dev" documents may be tuned on, "held-out" ones are only measured. The test
 * that keeps the thresholds (tools/linking/judged-set.test.ts) and `npm run linking:measure`,
 * which writes the figures into docs/ingest-linking.md, both call this. The same links give the
 * candidates (names the KB lacks), scored against every named entity of each text
 * (named-entities.json; tools/linking/candidate-measure.ts).
 */

/**
 * fresh: texts judged after the rules were last tuned and measured once (judged-news-ja.json);
 * fresh-2: texts in five languages judged before the round of candidate rules that followed the
 * held-out measurement, and measured once after it (judged-news-fresh.json).
 */
export type Split = 'dev' | 'held-out' | 'fresh' | 'fresh-2';

interface JudgedDocument {
  id: string;
  source: string;
  language: string;
  split?: Split;
  paragraphs: string[];
  given?: GivenLink[];
}

export const JUDGED_FILES = ['judged-set.json', 'judged-news.json', 'judged-news-ja.json', 'judged-news-fresh.json'];
export const SPLITS: Split[] = ['dev', 'held-out', 'fresh', 'fresh-2'];
export const NAMED_ENTITIES_FILES = ['named-entities.json', 'named-entities-fresh.json'];

export interface Measurement {
  overall: Scores;
  bySplit: Array<{ split: Split; scores: Scores }>;
  byLanguage: Array<{ language: string; split: Split; documents: number; scores: Scores; candidates: CandidateScores }>;
  candidatesBySplit: Array<{ split: Split; scores: CandidateScores }>;
  /** The dev documents by fold (tools/linking/dev-folds.ts) and language. */
  byFold: Array<{ language: string; fold: Fold; documents: number; scores: Scores; candidates: CandidateScores }>;
  /** Per document, for the dev lists the doc prints (held-out ones are only counted). */
  candidateDocuments: Array<DocumentCandidates & { id: string; split: Split; fold?: Fold }>;
  documents: number;
  paragraphs: number;
  misses: Array<{ id: string; split: Split; text: string; slug: string }>;
  wrong: Array<{ id: string; split: Split; text: string; slug: string }>;
}

export function readKb(root: string): DataSetLike {
  const load = (file: string) => JSON.parse(readFileSync(join(root, 'data', 'entities', file), 'utf8'));
  return { people: load('people.json'), events: load('events.json'), places: load('places.json'), organizations: load('organizations.json') };
}

export function readJudged(root: string): JudgedDocument[] {
  return JUDGED_FILES.flatMap((file) =>
    (JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'linking', file), 'utf8')) as { documents: JudgedDocument[] }).documents,
  );
}

export function readNamedEntities(root: string): Record<string, NamedEntity[]> {
  const read = (file: string) => (JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'linking', file), 'utf8')) as { documents: Record<string, NamedEntity[]> }).documents;
  return Object.assign({}, ...NAMED_ENTITIES_FILES.map(read)) as Record<string, NamedEntity[]>;
}

type Pair = { predicted: GoldSpan[]; gold: GoldSpan[] };
type Group = { language: string; split: Split; fold?: Fold; documents: number; pairs: Pair[]; candidates: CandidateScores[] };

/** `splits` limits what is linked at all: tuning runs only ever compute the dev documents. */
export function measureLinking(root: string, splits: Split[] = SPLITS): Measurement {
  const kb = buildKnowledgeBase(kbEntities(readKb(root)));
  const all = readJudged(root);
  const folds = devFolds(all);
  const docs = all.filter((d) => splits.includes(d.split ?? 'dev'));
  const named = readNamedEntities(root);
  const groups = new Map<string, Group>();
  const foldGroups = new Map<string, Group>();
  const result: Measurement = {
    overall: score([]), bySplit: [], byLanguage: [], byFold: [], candidatesBySplit: [], candidateDocuments: [], documents: docs.length, paragraphs: 0, misses: [], wrong: [],
  };
  const add = (map: Map<string, Group>, key: string, blank: Group, pairs: Pair[], found: CandidateScores) => {
    const group = map.get(key) ?? blank;
    group.documents += 1;
    group.pairs.push(...pairs);
    group.candidates.push(found);
    map.set(key, group);
  };
  for (const doc of docs) {
    const split = doc.split ?? 'dev';
    const fold = folds.get(doc.id);
    const language = doc.language.split('-')[0]!;
    const parsed = doc.paragraphs.map(parseJudged);
    const links = linkStory({ language: doc.language, paragraphs: parsed.map((p) => p.text), given: doc.given }, kb);
    const pairs = parsed.map((p, i) => ({
      text: p.text,
      gold: p.gold,
      predicted: links.mentions.filter((m) => m.paragraph === i).map(({ start, end, slug }) => ({ start, end, slug })),
    }));
    const key = (s: GoldSpan) => `${s.start}:${s.end}:${s.slug}`;
    for (const p of pairs) {
      const got = new Set(p.predicted.map(key));
      const want = new Set(p.gold.map(key));
      for (const g of p.gold) if (!got.has(key(g))) result.misses.push({ id: doc.id, split, text: p.text.slice(g.start, g.end), slug: g.slug });
      for (const s of p.predicted) if (!want.has(key(s))) result.wrong.push({ id: doc.id, split, text: p.text.slice(s.start, s.end), slug: s.slug });
    }
    result.paragraphs += pairs.length;
    const found = scoreDocumentCandidates(parsed.map((p) => p.text), links, named[doc.id] ?? []);
    result.candidateDocuments.push({ id: doc.id, split, fold, ...found });
    add(groups, `${language} ${split}`, { language, split, documents: 0, pairs: [], candidates: [] }, pairs, found);
    if (fold) add(foldGroups, `${fold} ${language}`, { language, split, fold, documents: 0, pairs: [], candidates: [] }, pairs, found);
  }
  const measured = [...groups.values()];
  const used = SPLITS.filter((s) => splits.includes(s));
  result.overall = score(measured.flatMap((g) => g.pairs));
  result.bySplit = used.map((split) => ({ split, scores: score(measured.filter((g) => g.split === split).flatMap((g) => g.pairs)) }));
  result.candidatesBySplit = used.map((split) => ({ split, scores: sumCandidates(measured.filter((g) => g.split === split).flatMap((g) => g.candidates)) }));
  const summary = (g: Group) => ({ language: g.language, documents: g.documents, scores: score(g.pairs), candidates: sumCandidates(g.candidates) });
  result.byLanguage = measured
    .sort((a, b) => SPLITS.indexOf(a.split) - SPLITS.indexOf(b.split) || a.language.localeCompare(b.language))
    .map((g) => ({ ...summary(g), split: g.split }));
  result.byFold = [...foldGroups.values()]
    .sort((a, b) => a.fold!.localeCompare(b.fold!) || a.language.localeCompare(b.language))
    .map((g) => ({ ...summary(g), fold: g.fold! }));
  return result;
}
