import type { EntityType, KnowledgeBase } from './knowledge-base';
import { aliasKeyOf, aliasWords } from './knowledge-base';

/**
 * Links the source gives: ninjs 3.x `people`/`places`/`organisations`/`events` (objects with
 * `name`, `uri`, `literal`), ninjs 1.x/2.x `person`/`place`/`organisation`, JSON-LD
 * `about`/`mentions` (`name`, `@id`, `sameAs`: a string or an array). They come first: they are
 * the editor's or the agency's own tagging. They are matched to the KB by Wikidata id, written
 * as any of the forms Wikidata itself uses (https://www.wikidata.org/wiki/Special:EntityData):
 * the concept URI http://www.wikidata.org/entity/Q7747, the page https://www.wikidata.org/wiki/Q7747,
 * the prefixed wd:Q7747, or a bare Q7747; failing that, by a name the KB knows for one entity.
 */

export interface GivenLink {
  name?: string;
  /** uri, @id, sameAs: every identifier the source gives for the thing. */
  ids: string[];
  type?: EntityType;
}

const WIKIDATA_ID = /^(?:https?:\/\/(?:www\.|m\.)?wikidata\.org\/(?:entity|wiki)\/(?:Special:EntityData\/)?|wd:|wikidata:)?(Q[1-9]\d*)(?:\.json)?$/i;

export function wikidataIdOf(id: string): string | undefined {
  const m = WIKIDATA_ID.exec(id.trim());
  return m ? m[1]!.toUpperCase() : undefined;
}

export interface GivenResult {
  link: GivenLink;
  slug?: string;
}

export function resolveGiven(links: GivenLink[], kb: KnowledgeBase): GivenResult[] {
  return links.map((link) => {
    for (const id of link.ids) {
      const q = wikidataIdOf(id);
      const slug = q && kb.byWikidataId.get(q);
      if (slug) return { link, slug };
    }
    if (link.name) {
      const ws = aliasWords(link.name, link.type ?? 'Place');
      const key = aliasKeyOf(ws);
      const alias = kb.aliases.get(key.split(' ')[0]!)?.find((a) => a.keys.join(' ') === key);
      const slugs = (alias?.slugs ?? []).filter((s) => !link.type || kb.entities.get(s) === link.type);
      if (slugs.length === 1) return { link, slug: slugs[0] };
    }
    return { link };
  });
}
