/// <reference lib="dom" />
// linkedom types its documents with the DOM lib, which tsconfig leaves out of Node code.
import type { parseHTML } from 'linkedom';

/**
 * What a page says about itself outside JSON-LD: `<meta>` tags (OpenGraph, article:*, Dublin
 * Core, Parse.ly, name=date...) and schema.org microdata (`itemprop`, https://html.spec.whatwg.org/multipage/microdata.html).
 */
export type Doc = ReturnType<typeof parseHTML>['document'];

/** The content of the first `<meta>` whose property, name, itemprop or http-equiv is one of `keys`. */
export function metaContent(document: Doc, ...keys: string[]): string | undefined {
  const wanted = keys.map((k) => k.toLowerCase());
  let best: [number, string] | undefined;
  for (const m of document.querySelectorAll('meta')) {
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const i = wanted.indexOf((m.getAttribute(attr) ?? '').trim().toLowerCase());
      const content = m.getAttribute('content')?.trim();
      if (i >= 0 && content && (!best || i < best[0])) best = [i, content];
    }
  }
  return best?.[1];
}

/**
 * The value of the first element with `itemprop` = name (microdata's "property value"):
 * `content` (meta), `datetime` (time), `href`/`src` (links, media), else its text.
 */
export function itemprop(document: Doc, name: string): string | undefined {
  for (const el of document.querySelectorAll(`[itemprop~="${name}"]`)) {
    const value = el.getAttribute('content') ?? el.getAttribute('datetime') ?? (el.tagName === 'META' ? undefined : el.textContent);
    if (value?.trim()) return value.replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

/** The element holding the article's body by microdata (`itemprop="articleBody"`), if any. */
export const microdataBody = (document: Doc) => document.querySelector('[itemprop~="articleBody"]');

/** `<time datetime>` of the page, the first that carries an offset or a date (inside <article> first). */
export function timeElement(document: Doc): string | undefined {
  const times = [...document.querySelectorAll('article time[datetime]'), ...document.querySelectorAll('time[datetime]')];
  for (const t of times) {
    const v = t.getAttribute('datetime')?.trim();
    if (v && /^\d{4}-\d{2}-\d{2}/.test(v)) return v;
  }
  return undefined;
}

/**
 * The date a page prints in an element classed as its date ("2023-04-13 14:41" in
 * `<span class="date">`), year first: the last resort, a day without a time zone.
 */
export function printedDate(document: Doc): string | undefined {
  for (const el of document.querySelectorAll('[class]')) {
    if (!(el.getAttribute('class') ?? '').split(/\s+/).some((c) => /^(?:date|time|pubdate|publish(?:ed)?[-_]?(?:date|time)|article[-_]?(?:date|time)|post[-_]?date|timestamp)$/i.test(c))) continue;
    const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(el.textContent ?? '');
    if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }
  return undefined;
}

/** The publication date: JSON-LD first (the caller), then meta tags, microdata, `<time>`, a printed date. */
export const pagePublished = (document: Doc): string | undefined =>
  metaContent(document, 'article:published_time', 'og:article:published_time', 'datePublished', 'parsely-pub-date', 'sailthru.date',
    'pubdate', 'publishdate', 'publish-date', 'publication_date', 'articledate', 'article_date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'date', 'og:published_time', 'published_time')
  ?? itemprop(document, 'datePublished') ?? timeElement(document) ?? printedDate(document);

export const pageModified = (document: Doc): string | undefined =>
  metaContent(document, 'article:modified_time', 'og:updated_time', 'dateModified', 'dcterms.modified', 'last-modified') ?? itemprop(document, 'dateModified');

/** The site's name, to strip from headlines: og:site_name, application-name, publisher microdata. */
export const siteNames = (document: Doc): string[] =>
  [metaContent(document, 'og:site_name'), metaContent(document, 'application-name'), metaContent(document, 'twitter:site')?.replace(/^@/, '')]
    .filter((s): s is string => !!s);

/**
 * Bylines outside JSON-LD: links marked `rel=author` (HTML's link type: "a page about the
 * author"), their text the name and their target the author's page; else the `author` meta
 * tag (or Parse.ly's, Dublin Core's), a name alone.
 */
export function pageAuthors(document: Doc, pageUrl: string | undefined): Array<{ name: string; url?: string }> {
  const seen = new Set<string>();
  const linked = [...document.querySelectorAll('a[rel~="author"], link[rel~="author"]')].flatMap((el) => {
    const name = (el.textContent || el.getAttribute('title') || '').replace(/\s+/g, ' ').trim();
    const url = absoluteHttp(el.getAttribute('href'), pageUrl);
    if (!name || !url || seen.has(url)) return [];
    seen.add(url);
    return [{ name, url }];
  });
  if (linked.length > 0) return linked;
  const meta = metaContent(document, 'author', 'parsely-author', 'dc.creator');
  return meta && !/^https?:\/\//.test(meta) ? [{ name: meta }] : [];
}

function absoluteHttp(href: string | null, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
