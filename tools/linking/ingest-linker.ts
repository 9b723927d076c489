import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Linker, LinkInput } from '../ingest/link-hook';
import type { EntityType as SourceKind } from '../../src/model/documents';
import { buildKnowledgeBase, kbEntities, type DataSetLike, type KnowledgeBase } from './knowledge-base';
import { linkStory } from './link-story';
import { ReviewReport } from './review-report';
import { resolveGiven, type GivenLink } from './source-links';

/**
 * The entity linker plugged into ingest's hook (tools/ingest/link-hook.ts): the story's own
 * links first, then its headline, summary and body, with the KB of data/entities. It answers
 * every entity it linked (ingest writes them into the article file; the build finds their
 * mentions again with the same linker) and the Person each author is, and adds what it could
 * not link to a review report for curators.
 */

const KIND: Record<string, SourceKind | undefined> = { person: 'Person', place: 'Place', organisation: 'Organization', event: 'Event' };

export function givenLinksOf(input: LinkInput): GivenLink[] {
  return input.sourceEntities.map((e) => ({
    name: e.name,
    ids: [e.uri, e.wikidataId].filter((id): id is string => !!id),
    type: KIND[e.kind],
  }));
}

/** The KB files of a data directory, as the linker reads them. */
export function readEntityData(dataDir: string): DataSetLike {
  const load = (file: string) => {
    const items = JSON.parse(readFileSync(join(dataDir, 'entities', file), 'utf8')) as DataSetLike['people'];
    return items.map((e) => ({ ...e, aliases: e.aliases ?? [] }));
  };
  return { people: load('people.json'), events: load('events.json'), places: load('places.json'), organizations: load('organizations.json') };
}

export function textLinker(kb: KnowledgeBase, review = new ReviewReport()): Linker {
  return (input) => {
    const paragraphs = [input.headline, ...(input.summary ? [input.summary] : []), ...input.paragraphs];
    const links = linkStory({ language: input.language, paragraphs, given: givenLinksOf(input) }, kb);
    review.add(input.headline, paragraphs, links.review, links.unmatchedGiven);
    const authors = resolveGiven(input.authors.map((name) => ({ name, ids: [], type: 'Person' })), kb).map((r) => r.slug);
    return { entities: links.entities.map((e) => e.slug), authors };
  };
}

export function textLinkerFor(dataDir: string, review?: ReviewReport): Linker {
  return textLinker(buildKnowledgeBase(kbEntities(readEntityData(dataDir))), review);
}
