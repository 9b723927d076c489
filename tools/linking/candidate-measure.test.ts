import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidatePrecision, coverage, scoreDocumentCandidates } from './candidate-measure';
import { parseJudged } from './judged-text';
import type { StoryLinks } from './link-story';
import { measureLinking, readJudged, readNamedEntities } from './measure';

/**
 * Candidates against every named entity of the judged texts (tests/fixtures/linking/named-entities.json).
 * The floors are what the documents measured when first reported (docs/ingest-linking.md),
 * rounded down: a regression guard, not the goal (candidate precision 0.9, coverage 0.8).
 */
const root = join(import.meta.dirname, '..', '..');
const DEV_FLOOR = { precision: 0.88, coverage: 0.75 };

describe('named-entity marks of the judged texts', () => {
  it('mark every judged document, and every form they give is in its text', () => {
    const named = readNamedEntities(root);
    const docs = readJudged(root);
    expect(Object.keys(named).sort()).toEqual(docs.map((d) => d.id).sort());
    const absent = docs.flatMap((d) => {
      const text = d.paragraphs.map((p) => parseJudged(p).text).join('\n').normalize('NFC');
      return named[d.id]!.flatMap((e) => e.names.filter((f) => !text.includes(f.normalize('NFC'))).map((f) => `${d.id}: ${f}`));
    });
    expect(absent).toEqual([]);
  });
});

describe('candidate precision and coverage', () => {
  it('counts distinct candidate names, real ones by any form, and entities covered by a link or a candidate', () => {
    const paragraphs = ['Rahul Gandhi met Navjot Sidhu and Sidhu in Delhi at Foo Bar.'];
    const span = (name: string) => ({ paragraph: 0, start: paragraphs[0]!.indexOf(name), end: paragraphs[0]!.indexOf(name) + name.length, name });
    const links: StoryLinks = {
      mentions: [{ ...span('Delhi'), slug: 'delhi' }],
      entities: [],
      unmatchedGiven: [],
      review: [span('Rahul Gandhi'), span('Navjot Sidhu'), span('Foo Bar'), { ...span('Sidhu'), candidates: ['a', 'b'] }],
    };
    const scores = scoreDocumentCandidates(paragraphs, links, [
      { type: 'Person', names: ['Rahul Gandhi'] },
      { type: 'Person', names: ['Navjot Singh Sidhu', 'Sidhu'] },
      { type: 'Place', names: ['Delhi'] },
      { type: 'Other', names: ['Foo'] },
    ]);
    expect(scores).toEqual({ candidates: 3, real: 1, entities: 3, covered: 2, wrong: ['Navjot Sidhu', 'Foo Bar'], uncovered: ['Navjot Singh Sidhu'] });
  });

  it('holds its floors on the dev documents', () => {
    const dev = measureLinking(root).candidatesBySplit.find((s) => s.split === 'dev')!.scores;
    expect(dev.entities).toBeGreaterThanOrEqual(300);
    expect(candidatePrecision(dev)).toBeGreaterThanOrEqual(DEV_FLOOR.precision);
    expect(coverage(dev)).toBeGreaterThanOrEqual(DEV_FLOOR.coverage);
  });
});
