import type { ArticleDoc, EntityDoc, EntityType } from '../model/documents';
import { ENTITY_KINDS } from '../model/entity-kinds';
import { pickLocalized } from '../model/localized';

/**
 * The entities an article links to, as both formats describe them: name in the article's
 * language where the KB has one, Wikidata id, and whether the text names them (`mentions`) or
 * they were linked without being named (`about`: the source's or a curator's tagging, or an
 * event the article reports).
 */

export interface LinkedEntity {
  slug: string;
  type: EntityType;
  name: string;
  wikidataId?: string;
  rel: 'about' | 'mentions';
}

/** http://www.wikidata.org/entity/Q7747: Wikidata's concept URI (its RDF and its JSON dumps use it). */
export const wikidataConceptUri = (id: string): string => `http://www.wikidata.org/entity/${id}`;
/** https://www.wikidata.org/wiki/Q7747: the item's page, as schema.org `sameAs` usually gives it. */
export const wikidataPage = (id: string): string => `https://www.wikidata.org/wiki/${id}`;

/** `entities` are the documents of the article's linked slugs; a slug without one is skipped. */
export function linkedEntities(article: ArticleDoc, entities: ReadonlyMap<string, EntityDoc>): LinkedEntity[] {
  const named = new Set(article.mentions.map((m) => m[3]));
  return ENTITY_KINDS.flatMap((kind) =>
    article[kind.links].flatMap((slug): LinkedEntity[] => {
      const doc = entities.get(slug);
      if (!doc) return [];
      const name = pickLocalized(doc.names, article.language, doc.defaultLanguage)?.value ?? slug;
      return [{ slug, type: kind.type, name, wikidataId: doc.wikidataId, rel: named.has(slug) ? 'mentions' : 'about' }];
    }),
  );
}

/** A date-time (RFC 3339 with offset) or undefined when the value is a date alone. */
export const dateTimeOrUndefined = (value: string | undefined): string | undefined =>
  value && /T\d{2}:\d{2}/.test(value) ? value : undefined;
