import type { ArticleDoc, EntityDoc } from '../model/documents';
import { readingParts } from '../model/body-reading';
import { linkedEntities, wikidataPage } from './linked-entities';
import type { FormatSite } from './ninjs';

/**
 * An article as schema.org NewsArticle JSON-LD (https://schema.org/NewsArticle), with what
 * Google's Article structured-data guidelines recommend (there are no required properties):
 * headline, image, datePublished, dateModified, author with name and url
 * (https://developers.google.com/search/docs/appearance/structured-data/article). Also
 * inLanguage, articleBody (the paragraphs and each table's text in reading order; embedded
 * posts are other people's words and stay out), url/mainEntityOfPage, articleSection, keywords, wordCount, and the
 * linked entities as `about` (linked without being named in the text) and `mentions` (named),
 * each with its Wikidata page as `sameAs`.
 *
 * Dates keep the precision the article has: a time with its offset where the source gave one,
 * else the calendar date (schema.org Date). A story never modified was last modified when it
 * was published, so dateModified falls back to datePublished.
 */

const TYPE = { Person: 'Person', Place: 'Place', Organization: 'Organization', Event: 'Event' } as const;

export function articleToJsonLd(article: ArticleDoc, entities: ReadonlyMap<string, EntityDoc>, site: FormatSite): Record<string, unknown> {
  const datePublished = article.datePublishedTime ?? article.datePublished;
  const authors = article.authors.length
    ? article.authors.map((a) => ({ '@type': 'Person', name: a.name, ...(a.url ? { url: a.url } : {}) }))
    : article.byline ? [{ '@type': 'Person', name: article.byline }] : [];
  const images = article.images.map((i) => ({
    '@type': 'ImageObject',
    url: i.url,
    ...(i.width ? { width: i.width } : {}),
    ...(i.height ? { height: i.height } : {}),
    ...(i.caption ? { caption: i.caption } : {}),
    ...(i.credit ? { creditText: i.credit } : {}),
  }));
  const linked = linkedEntities(article, entities).map((e) => ({
    rel: e.rel,
    thing: { '@type': TYPE[e.type], name: e.name, ...(e.wikidataId ? { sameAs: wikidataPage(e.wikidataId) } : {}) },
  }));
  const about = linked.filter((l) => l.rel === 'about').map((l) => l.thing);
  const mentions = linked.filter((l) => l.rel === 'mentions').map((l) => l.thing);
  const fields: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${site.origin}/articles/${article.slug}.jsonld`,
    identifier: article.origin?.uri,
    url: article.url,
    mainEntityOfPage: article.url,
    headline: article.headline,
    inLanguage: article.language,
    datePublished,
    dateModified: article.dateModified ?? datePublished,
    author: authors.length ? authors : undefined,
    image: images.length ? images : undefined,
    description: article.summary,
    articleBody: readingParts(article.paragraphs, article.body).filter((p) => p.kind !== 'embed').map((p) => p.text).join('\n\n'),
    articleSection: article.section,
    keywords: article.subjects.length ? article.subjects.map((s) => s.name) : undefined,
    wordCount: article.wordCount,
    copyrightNotice: article.copyright,
    version: article.version,
    about: about.length ? about : undefined,
    mentions: mentions.length ? mentions : undefined,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
