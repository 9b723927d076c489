import type { ArticleDoc, EntityDoc, EntityType, ImageDoc } from '../model/documents';
import { readingParts } from '../model/body-reading';
import type { TableBlockDoc } from '../model/body-docs';
import { dateTimeOrUndefined, linkedEntities, wikidataConceptUri } from './linked-entities';

/**
 * An article as an IPTC ninjs 3.1 news item (https://iptc.org/std/ninjs/ninjs-schema_3.1.json;
 * tests validate every answer against that schema). What goes where:
 *
 * - `uri`: the source's own identifier where the story was ingested (so a round trip keeps it),
 *   else the canonical URL, else this API's URL of the item;
 * - `headlines`/`bodies`/`descriptions`: headline, the body as XHTML paragraphs and tables (in
 *   reading order; embedded posts are other people's words and stay out), the summary;
 * - `by` (the byline), `located` (the dateline), `copyrightNotice`, `version`, `language`;
 * - `firstCreated`/`versionCreated`: only when the article has a time: ninjs dates are RFC 3339
 *   date-times, and a date-only article must not gain an invented midnight;
 * - `people`/`places`/`organisations`/`events`: the linked entities, `uri` their Wikidata concept
 *   URI (as IPTC's own examples write it), `literal` our slug when the KB knows no Wikidata id,
 *   `rel` "mentions" when the text names them, else "about";
 * - `subjects`: name, URI and code (`literal`), as ingested;
 * - `associations`: each image as a `picture` item with its renditions (name, href, size, type);
 * - `renditions`: the story's web page (`text/html`) where its URL is known.
 */

export interface FormatSite {
  /** Where this API answers, e.g. https://news.example (the request's origin). */
  origin: string;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const NINJS_FIELD: Record<EntityType, 'people' | 'places' | 'organisations' | 'events'> = {
  Person: 'people',
  Place: 'places',
  Organization: 'organisations',
  Event: 'events',
};

function xhtmlTable(table: TableBlockDoc): string {
  const caption = table.caption ? `<caption>${escapeXml(table.caption)}</caption>` : '';
  const rows = table.rows.map((r) => `<tr>${r.cells.map((c) => (r.header ? `<th>${escapeXml(c)}</th>` : `<td>${escapeXml(c)}</td>`)).join('')}</tr>`);
  return `<table>${caption}${rows.join('')}</table>`;
}

function picture(image: ImageDoc, index: number) {
  const files = [{ ...image, name: 'original' }, ...image.renditions];
  return {
    name: `image${index + 1}`,
    rel: 'image',
    uri: image.url,
    type: 'picture',
    ...(image.caption ? { descriptions: [{ role: 'caption', contentType: 'text/plain', value: image.caption }] } : {}),
    ...(image.credit ? { by: image.credit } : {}),
    renditions: files.map((f, i) => ({
      name: f.name ?? `rendition${i}`,
      href: f.url,
      ...(f.contentType ? { contentType: f.contentType } : {}),
      ...(f.width ? { width: f.width } : {}),
      ...(f.height ? { height: f.height } : {}),
    })),
  };
}

export function articleToNinjs(article: ArticleDoc, entities: ReadonlyMap<string, EntityDoc>, site: FormatSite): Record<string, unknown> {
  const self = `${site.origin}/articles/${article.slug}.ninjs.json`;
  const item: Record<string, unknown> = {
    uri: article.origin?.uri ?? article.url ?? self,
    standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#' },
    type: 'text',
    representationType: 'full',
    pubStatus: 'usable',
    language: article.language,
    headlines: [{ role: 'main', contentType: 'text/plain', value: article.headline }],
    bodies: [{
      role: 'main',
      contentType: 'application/xhtml+xml',
      value: readingParts(article.paragraphs, article.body)
        .flatMap((p) => (p.kind === 'paragraph' ? [`<p>${escapeXml(p.text)}</p>`] : p.kind === 'table' ? [xhtmlTable(p.table)] : []))
        .join('\n'),
      wordCount: article.wordCount,
    }],
  };
  const optional: Record<string, unknown> = {
    version: article.version !== undefined ? String(article.version) : undefined,
    firstCreated: article.datePublishedTime,
    versionCreated: dateTimeOrUndefined(article.dateModified) ?? article.datePublishedTime,
    descriptions: article.summary ? [{ role: 'summary', contentType: 'text/plain', value: article.summary }] : undefined,
    by: article.byline ?? (article.authors.length ? article.authors.map((a) => a.name).join(', ') : undefined),
    located: article.dateline,
    copyrightNotice: article.copyright,
    subjects: article.subjects.length
      ? article.subjects.map((s) => ({ name: s.name, ...(s.uri ? { uri: s.uri } : {}), ...(s.code ? { literal: s.code } : {}) }))
      : undefined,
    associations: article.images.length ? article.images.map(picture) : undefined,
    renditions: article.url ? [{ name: 'web', href: article.url, contentType: 'text/html' }] : undefined,
    altIds: [{ role: 'slug', value: article.slug }],
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) item[key] = value;
  for (const e of linkedEntities(article, entities)) {
    const field = NINJS_FIELD[e.type];
    const ref = { name: e.name, rel: e.rel, ...(e.wikidataId ? { uri: wikidataConceptUri(e.wikidataId) } : { literal: e.slug }) };
    ((item[field] ??= []) as unknown[]).push(ref);
  }
  return item;
}
