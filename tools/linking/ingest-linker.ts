import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Linker, LinkInput } from '../ingest/link-hook';
import type { EntityType as SourceKind } from '../../src/model/documents';
import type { KbGrowth } from '../kb/source-entities';
import type { CandidateStore } from '../kb/candidates';
import { addEntity, buildKnowledgeBase, kbEntities, type DataSetLike, type KnowledgeBase } from './knowledge-base';
import { linkStory } from './link-story';
import { ReviewReport, sentenceAround } from './review-report';
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

/**
 * `growth`, when given, turns the source's tags that carry an identity and match no KB entity
 * into entities (tools/kb/source-entities.ts); they join both this linker's KB and ingest's, so
 * the story and every later one link to them.
 */
export function textLinker(kb: KnowledgeBase, review = new ReviewReport(), growth?: KbGrowth, candidates?: CandidateStore): Linker {
  return (input, hookKb) => {
    const paragraphs = [input.headline, ...(input.summary ? [input.summary] : []), ...input.paragraphs];
    const given = givenLinksOf(input);
    const links = linkStory({ language: input.language, paragraphs, given }, kb);
    // Every tag with an identity: those the KB lacks are created, those it has may bring a new name.
    const grown = growth?.fromTags(given, input.language, input.source ?? input.headline) ?? [];
    for (const g of grown) {
      addEntity(kb, { slug: g.slug, type: g.type, wikidataId: g.wikidataId, names: g.names, related: [] });
      if (hookKb && !hookKb.bySlug.has(g.slug)) {
        const entity = { slug: g.slug, type: g.type, wikidataId: g.wikidataId, names: g.names.map((n) => n.value) };
        hookKb.entities.push(entity);
        hookKb.bySlug.set(g.slug, entity);
      }
    }
    const unmatched = resolveGiven(links.unmatchedGiven, kb).filter((r) => !r.slug).map((r) => r.link);
    // A name of an entity the tags just created is no longer one for the review report.
    const grownNames = new Set(grown.flatMap((g) => g.names.map((n) => n.value.normalize('NFC'))));
    const unknown = links.review.filter((r) => !grownNames.has(r.name.normalize('NFC')));
    review.add(input.headline, paragraphs, unknown, unmatched);
    const source = input.source ?? '';
    const story = `${source}#${input.headline}`;
    for (const r of unknown) {
      if (r.candidates) continue; // a name several KB entities share: not a new one
      candidates?.add(r.name, input.language, story, sourceOf(source), sentenceAround(paragraphs[r.paragraph]!, r.start, r.end), !!r.titled);
    }
    const authors = resolveGiven(input.authors.map((name) => ({ name, ids: [], type: 'Person' })), kb).map((r) => r.slug);
    const entities = [...new Set([...links.entities.map((e) => e.slug), ...grown.map((g) => g.slug)])];
    return { entities, authors };
  };
}

export function textLinkerFor(dataDir: string, review?: ReviewReport, growth?: KbGrowth, candidates?: CandidateStore): Linker {
  return textLinker(buildKnowledgeBase(kbEntities(readEntityData(dataDir))), review, growth, candidates);
}

/** The publisher of an input: a URL's host, a file's folder. */
function sourceOf(input: string): string {
  try {
    return new URL(input).host;
  } catch {
    return dirname(input);
  }
}
