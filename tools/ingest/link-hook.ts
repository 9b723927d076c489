import type { EntityType } from '../../src/model/documents';
import type { SourceEntity } from './story';

/**
 * THE place where entity linking is applied to an ingested story. Ingest
 * calls the linker once per story, after reading it and before writing its article file, with
 * the story's text and the links its source gave; the linker answers with the KB entities the
 * story is about. Ingest writes those slugs into the article file (`events` for events,
 * `about` for the rest), and the build finds the mentions in the text by alias, as for every
 * article. A linker may also name the Person each author is.
 *
 * `sourceLinks` (below) is the default: it honours the source's own links (ninjs
 * people/places/organisations/events URIs, JSON-LD about/mentions sameAs) by Wikidata id, and
 * authors by exact name. A text linker (aliases in every script, Hindi variants, context)
 * plugs in by passing another `Linker` to ingest().
 */
export interface KbEntity {
  slug: string;
  type: EntityType;
  wikidataId?: string;
  /** Every name and alias, in every language. */
  names: string[];
}

export interface KnowledgeBase {
  entities: KbEntity[];
  bySlug: Map<string, KbEntity>;
}

export interface LinkInput {
  /** BCP 47. */
  language: string;
  headline: string;
  summary?: string;
  paragraphs: string[];
  byline?: string;
  authors: string[];
  /** The source's own entity links, as it gave them. */
  sourceEntities: SourceEntity[];
  /** The ingest input the story came from (a file or URL), for the provenance of what it adds. */
  source?: string;
}

export interface LinkOutput {
  /** Slugs of KB entities the story is about or mentions, most important first. */
  entities: string[];
  /** For each of `input.authors`, the slug of the Person it is, or undefined. */
  authors?: Array<string | undefined>;
}

export type Linker = (input: LinkInput, kb: KnowledgeBase) => LinkOutput | Promise<LinkOutput>;

export function knowledgeBase(entities: KbEntity[]): KnowledgeBase {
  return { entities, bySlug: new Map(entities.map((e) => [e.slug, e])) };
}

const fold = (name: string) => name.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/** The default linker: the source's own links by Wikidata id; authors by exact name. */
export const sourceLinks: Linker = (input, kb) => {
  const byWikidata = new Map(kb.entities.filter((e) => e.wikidataId).map((e) => [e.wikidataId!, e.slug]));
  const entities = [...new Set(input.sourceEntities.flatMap((e) => {
    const slug = e.wikidataId ? byWikidata.get(e.wikidataId) : undefined;
    return slug ? [slug] : [];
  }))];
  const people = new Map<string, string>();
  for (const e of kb.entities) if (e.type === 'Person') for (const n of e.names) people.set(fold(n), e.slug);
  return { entities, authors: input.authors.map((a) => people.get(fold(a))) };
};
