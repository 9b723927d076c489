/// <reference lib="dom" />
// linkedom types its documents with the DOM lib, which tsconfig leaves out of Node code.
import { parseHTML } from 'linkedom';
import { chooseBody, type Candidate } from './body-choice';
import { dropBoilerplate } from './boilerplate';
import { normaliseDate } from './dates';
import { embeddedArticle } from './embedded-json';
import { cleanHeadline, decodeText, visibleHeadline } from './headline';
import { checkHtmlDepth } from './html-depth';
import { checkJsonDepth } from './json-depth';
import { articleNodes, storyFromJsonLd } from './json-ld';
import { elementBlocks, elementParagraphs, markupBody } from './page-body';
import { withPageAlt } from './image-alt';
import { itemprop, metaContent, microdataBody, pageAuthors, pageModified, pagePublished, siteNames, type Doc } from './page-meta';
import { messageOf } from './problem';
import { emptyStory, type ReadItem, type Story } from './story';

export { MAX_READABILITY_ELEMENTS } from './page-body';
export { proseShare } from './page-body';

/**
 * A whole news page as served, read structured data first: schema.org JSON-LD (json-ld.ts),
 * a publishing platform's embedded JSON (embedded-json.ts), microdata and meta tags
 * (page-meta.ts); the body from the first of those that passes validation (body-choice.ts),
 * else from the markup by Readability (page-body.ts); then the boilerplate filter
 * (boilerplate.ts). Text is decoded of HTML references everywhere; headlines lose the site's
 * name; the date is the first with an offset among JSON-LD, embedded JSON, meta, microdata and
 * `<time>`. The language is the one declared (JSON-LD `inLanguage`, `<html lang>`,
 * content-language, og:locale); to-article.ts identifies it from the text when none is.
 */
function jsonLdBlocks(document: Doc, problems: string[]): unknown[] {
  const blocks: unknown[] = [];
  [...document.querySelectorAll('script')].forEach((s, i) => {
    if ((s.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') return;
    try {
      const value = JSON.parse(s.textContent ?? '') as unknown;
      checkJsonDepth(value);
      blocks.push(value);
    } catch (error) {
      problems.push(`JSON-LD block (script ${i + 1}) ${messageOf(error)}`);
    }
  });
  return blocks;
}

const localeToTag = (locale: string | undefined) => locale?.replace('_', '-');
const http = (u: string | undefined) => (u && /^https?:\/\//.test(u) ? u : undefined);

/** The first date that names an instant (has a time and an offset), else the first that is a date. */
export function bestDate(candidates: Array<string | undefined>): string | undefined {
  const valid = candidates.filter((c): c is string => !!c && !!normaliseDate(c));
  return valid.find((c) => normaliseDate(c)!.length > 10) ?? valid[0];
}

export function readPage(html: string, pageUrl: string): ReadItem {
  checkHtmlDepth(html);
  const { document } = parseHTML(html);
  const ignored: string[] = [];
  const blocks = jsonLdBlocks(document, ignored);
  const nodes = articleNodes(blocks);
  // The main story: the first article node with a headline, preferring one with a body.
  const withHeadline = nodes.filter((n) => typeof n.node.headline === 'string' || typeof n.node.name === 'string');
  const main = withHeadline.find((n) => typeof n.node.articleBody === 'string') ?? withHeadline[0];
  const story: Story = main ? storyFromJsonLd(main.node, 'HTML') : emptyStory('HTML');
  story.format = 'HTML';
  const scripts = [...document.querySelectorAll('script')].map((s) => ({ id: s.getAttribute('id') ?? '', type: s.getAttribute('type') ?? '', text: s.textContent ?? '' }));
  const embedded = embeddedArticle(scripts);

  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(document, 'og:url');
  story.url ??= http(canonical) ?? http(pageUrl);
  story.uri ??= story.url;
  const publisher = main && typeof main.node.publisher === 'object' && main.node.publisher !== null ? (main.node.publisher as { name?: unknown }).name : undefined;
  const names = [...siteNames(document), ...(typeof publisher === 'string' ? [publisher] : [])];
  const markup = markupBody(html, document, decodeText(story.summary ?? metaContent(document, 'og:description', 'description') ?? '') || undefined, story.url);
  const rawHeadline = story.headline ?? embedded?.headline ?? metaContent(document, 'og:title', 'twitter:title') ?? itemprop(document, 'headline')
    ?? document.querySelector('h1')?.textContent ?? markup.title ?? document.title;
  const h1 = document.querySelector('h1');
  const titles = [h1?.textContent ?? undefined, metaContent(document, 'og:title'), metaContent(document, 'twitter:title')].map((t) => cleanHeadline(t, names, story.url));
  story.headline = visibleHeadline(cleanHeadline(rawHeadline, names, story.url), titles, h1 ? [...h1.children].map((c) => decodeText(c.textContent ?? '')) : []);
  story.summary = decodeText(story.summary ?? metaContent(document, 'og:description', 'description') ?? '') || undefined;
  story.language ??= embedded?.language ?? itemprop(document, 'inLanguage') ?? (document.documentElement.getAttribute('lang')?.trim() || undefined)
    ?? metaContent(document, 'content-language') ?? localeToTag(metaContent(document, 'og:locale')) ?? markup.lang;
  story.datePublished = bestDate([story.datePublished, embedded?.datePublished, pagePublished(document)]);
  story.dateModified = bestDate([story.dateModified, embedded?.dateModified, pageModified(document)]);
  story.section ??= metaContent(document, 'article:section');
  story.byline ??= embedded?.byline ?? markup.byline;
  if (story.authors.length === 0) story.authors = pageAuthors(document, story.url ?? pageUrl);
  if (story.images.length === 0) {
    const image = http(metaContent(document, 'og:image'));
    const size = (name: string) => (/^[1-9]\d{0,5}$/.test(metaContent(document, name) ?? '') ? Number(metaContent(document, name)) : undefined);
    if (image) story.images = [{ url: image, width: size('og:image:width'), height: size('og:image:height'), renditions: [] }];
  }
  story.images = withPageAlt(story.images, document);

  const candidates: Candidate[] = [
    { source: 'json-ld', paragraphs: story.paragraphs.map(decodeText).filter(Boolean) },
    { source: 'embedded', paragraphs: embedded?.paragraphs ?? [] },
    { source: 'microdata', paragraphs: elementParagraphs(microdataBody(document)) },
    { source: 'markup', paragraphs: markup.paragraphs },
  ];
  const { chosen, refused } = chooseBody(candidates, story.summary);
  if (refused.length > 0) story.bodyRefused = refused;
  const filtered = dropBoilerplate(chosen?.paragraphs ?? [], { headline: story.headline, byline: story.byline, section: story.section, description: story.summary });
  story.paragraphs = filtered.kept;
  // The markup's structure, whichever candidate gave the text: to-article.ts keeps the blocks whose text is a kept paragraph.
  story.blocks = chosen?.source === 'microdata' ? elementBlocks(microdataBody(document), story.url) : markup.blocks;
  return { where: main ? main.pointer : '/', story };
}
