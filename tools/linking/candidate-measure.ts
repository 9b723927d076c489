import { keysOfName } from '../kb/candidates';
import type { StoryLinks } from './link-story';
import { candidateName } from './name-type';

/**
 * Candidates (names the KB lacks, tools/kb/candidates.ts) scored against every named entity of
 * a judged text (tests/fixtures/linking/named-entities.json): candidate precision is the share
 * of a document's distinct candidate names that are real names (a form of any marked entity,
 * compared by the keys candidates merge on: match key, else the consonant skeleton); coverage is
 * the share of its people, places, organisations and events that end linked (a linked span prints
 * one of their forms) or as a candidate. Named works, programmes and the like ("Other") make a
 * candidate real but are not counted in coverage: the KB has no type for them.
 */

export type NamedType = 'Person' | 'Place' | 'Organization' | 'Event' | 'Other';

export interface NamedEntity {
  type: NamedType;
  names: string[];
}

export interface CandidateScores {
  candidates: number;
  real: number;
  entities: number;
  covered: number;
}

export interface DocumentCandidates extends CandidateScores {
  /** Candidate names that are no marked entity's. */
  wrong: string[];
  /** Entities neither linked nor a candidate: their first form. */
  uncovered: string[];
}

/** The distinct candidate names ingest would gather from one story's links (tools/linking/ingest-linker.ts). */
export function candidateNamesOf(links: StoryLinks, paragraphs: string[]): string[] {
  const byKey = new Map<string, string>();
  for (const r of links.review) {
    if (r.candidates) continue; // a name several KB entities share: not a new one
    const name = candidateName(paragraphs[r.paragraph]!.slice(r.start, r.end), !!r.titled);
    if (name && !byKey.has(keysOfName(name)[0]!)) byKey.set(keysOfName(name)[0]!, name);
  }
  return [...byKey.values()];
}

export function scoreDocumentCandidates(paragraphs: string[], links: StoryLinks, entities: NamedEntity[]): DocumentCandidates {
  const names = candidateNamesOf(links, paragraphs);
  const keys = (values: string[]) => new Set(values.flatMap(keysOfName));
  const real = (name: string, e: NamedEntity) => {
    const own = keys(e.names);
    return keysOfName(name).some((k) => own.has(k));
  };
  const wrong = names.filter((n) => !entities.some((e) => real(n, e)));
  const linked = new Set(links.mentions.map((m) => paragraphs[m.paragraph]!.slice(m.start, m.end).normalize('NFC')));
  const counted = entities.filter((e) => e.type !== 'Other');
  const uncovered = counted.filter((e) => !e.names.some((f) => linked.has(f.normalize('NFC'))) && !names.some((n) => real(n, e)));
  return {
    candidates: names.length,
    real: names.length - wrong.length,
    entities: counted.length,
    covered: counted.length - uncovered.length,
    wrong,
    uncovered: uncovered.map((e) => e.names[0]!),
  };
}

export const sumCandidates = (xs: CandidateScores[]): CandidateScores =>
  xs.reduce((a, x) => ({ candidates: a.candidates + x.candidates, real: a.real + x.real, entities: a.entities + x.entities, covered: a.covered + x.covered }), {
    candidates: 0,
    real: 0,
    entities: 0,
    covered: 0,
  });

export const candidatePrecision = (s: CandidateScores): number => (s.candidates ? s.real / s.candidates : 1);
export const coverage = (s: CandidateScores): number => (s.entities ? s.covered / s.entities : 1);
