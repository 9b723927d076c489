/// <reference lib="dom" />
// linkedom types its documents with the DOM lib, which tsconfig leaves out of Node code.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { checkJsonDepth } from './json-depth';
import { checkHtmlDepth } from './html-depth';
import { htmlParagraphs } from './html-text';
import { articleNodes, storyFromJsonLd } from './json-ld';
import { languageOfText } from './language';
import { messageOf } from './problem';
import { emptyStory, type ReadItem, type Story } from './story';

/**
 * A whole news page as served: its schema.org JSON-LD blocks give the metadata (json-ld.ts);
 * where they have no `articleBody` (or there is no JSON-LD at all) the body, and the headline
 * if need be, come from Mozilla's Readability (Firefox Reader View) run on linkedom's DOM.
 * The language is the JSON-LD's `inLanguage`, else `<html lang>`, else the
 * `content-language` or `og:locale` meta tags, else the script the text is written in.
 */
type Doc = ReturnType<typeof parseHTML>['document'];

export const MAX_READABILITY_ELEMENTS = 10_000;

function meta(document: Doc, key: string): string | undefined {
  for (const m of document.querySelectorAll('meta')) {
    const name = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('http-equiv') ?? '').toLowerCase();
    if (name === key) return m.getAttribute('content')?.trim() || undefined;
  }
  return undefined;
}

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

const SENTENCE_END = /\p{Sentence_Terminal}[\p{Pe}\p{Pf}"'\s]*$/u;

/** The share of the characters of `paragraphs` that stand in paragraphs ending a sentence. */
export function proseShare(paragraphs: string[]): number {
  const total = paragraphs.reduce((n, p) => n + p.length, 0);
  const prose = paragraphs.reduce((n, p) => n + (SENTENCE_END.test(p) ? p.length : 0), 0);
  return total === 0 ? 0 : prose / total;
}

/** The element whose <p> children hold the most text, and those paragraphs. */
function paragraphCluster(document: Doc): { text: number; paragraphs: string[] } | undefined {
  const scores = new Map<unknown, number>();
  for (const p of document.querySelectorAll('p')) {
    const parent = p.parentNode;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + (p.textContent ?? '').trim().length);
  }
  let best: [unknown, number] | undefined;
  for (const entry of scores) if (!best || entry[1] > best[1]) best = entry;
  if (!best) return undefined;
  const paragraphs = [...(best[0] as Doc['body']).children]
    .filter((c) => c.tagName === 'P')
    .map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { text: best[1], paragraphs };
}

export function readPage(html: string, pageUrl: string): ReadItem {
  checkHtmlDepth(html);
  const { document } = parseHTML(html);
  const ignored: string[] = [];
  const nodes = articleNodes(jsonLdBlocks(document, ignored));
  // The main story: the first article node with a headline, preferring one with a body.
  const withHeadline = nodes.filter((n) => typeof n.node.headline === 'string' || typeof n.node.name === 'string');
  const main = withHeadline.find((n) => typeof n.node.articleBody === 'string') ?? withHeadline[0];
  const story: Story = main ? storyFromJsonLd(main.node, 'HTML') : emptyStory('HTML');
  story.format = 'HTML';
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
  story.url ??= canonical && /^https?:\/\//.test(canonical) ? canonical : /^https?:\/\//.test(pageUrl) ? pageUrl : undefined;
  story.uri ??= story.url;
  story.headline ??= meta(document, 'og:title');
  story.summary ??= meta(document, 'og:description') ?? meta(document, 'description');
  story.language ??= document.documentElement.getAttribute('lang')?.trim() || meta(document, 'content-language') || localeToTag(meta(document, 'og:locale'));
  story.datePublished ??= meta(document, 'article:published_time');
  story.dateModified ??= meta(document, 'article:modified_time');
  story.section ??= meta(document, 'article:section');
  if (story.images.length === 0) {
    const image = meta(document, 'og:image');
    if (image && /^https?:\/\//.test(image)) story.images = [{ url: image, renditions: [] }];
  }
  if (story.paragraphs.length === 0) {
    // Readability changes the DOM it reads: give it a fresh one. On linkedom its time grows
    // faster than the page (6 s for DD News's 16,000 elements), so, like Firefox's reader
    // view with its parse-node limit, pages past MAX_READABILITY_ELEMENTS skip it and keep
    // the <p> run below.
    const elements = document.querySelectorAll('*').length;
    const article = elements <= MAX_READABILITY_ELEMENTS
      ? new Readability(parseHTML(html).document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse()
      : null;
    if (article?.content) story.paragraphs = htmlParagraphs(article.content);
    // Readability scores blocks by commas and length, and a widget of thousands of short
    // blocks (DD News's weather table) can outscore an article written with few commas, as
    // Hindi prose is (its sentences end in । or .). When one run of real <p> elements holds
    // an article's worth of text (500 characters, Readability's own default threshold) in
    // paragraphs at least twice as long on average as Readability's, that run is the article.
    const cluster = paragraphCluster(document);
    const mean = (ps: string[]) => ps.reduce((n, p) => n + p.length, 0) / Math.max(1, ps.length);
    if (cluster && cluster.text >= 500 && mean(cluster.paragraphs) >= 2 * mean(story.paragraphs)) story.paragraphs = cluster.paragraphs;
    // Prose is sentences: when less than a third of the text found ends a sentence (Unicode's
    // Sentence_Terminal: . ! ? । 。 ...), it is menus, tables and widgets (a video page), not
    // an article, and the page has no body to publish.
    if (proseShare(story.paragraphs) < 1 / 3) story.paragraphs = [];
    story.headline ??= article?.title?.trim() || undefined;
    story.byline ??= article?.byline?.trim() || undefined;
    story.language ??= article?.lang?.trim() || undefined;
  }
  // No JSON-LD, no og:title, no Readability: the page's <title>, else its first <h1>.
  story.headline ??= document.title?.trim() || document.querySelector('h1')?.textContent?.trim() || undefined;
  story.language ??= languageOfText([story.headline ?? '', ...story.paragraphs].join(' '));
  return { where: main ? main.pointer : '/', story };
}
