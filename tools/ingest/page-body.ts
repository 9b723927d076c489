/// <reference lib="dom" />
// linkedom types its documents with the DOM lib, which tsconfig leaves out of Node code.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { markEmbeds } from './body-embeds';
import { markFigures } from './body-figures';
import { markTables } from './body-tables';
import { nodeBlocks, type RawBlock } from './html-blocks';
import { nodeParagraphs } from './html-text';
import { dropLinkBlocks } from './link-density';
import { removeNonText } from './page-clean';
import { letters, removeStandfirst } from './standfirst';
import { metaContent, type Doc } from './page-meta';

/**
 * The article text a page's markup holds, by Mozilla's Readability (Firefox Reader View) on
 * linkedom's DOM, checked against the page's longest run of <p> elements.
 */
export const MAX_READABILITY_ELEMENTS = 10_000;

const SENTENCE_END = /\p{Sentence_Terminal}[\p{Pe}\p{Pf}"'\s]*$/u;

/** The share of the characters of `paragraphs` that stand in paragraphs ending a sentence. */
export function proseShare(paragraphs: string[]): number {
  const total = paragraphs.reduce((n, p) => n + p.length, 0);
  const prose = paragraphs.reduce((n, p) => n + (SENTENCE_END.test(p) ? p.length : 0), 0);
  return total === 0 ? 0 : prose / total;
}

/** The element whose <p> children hold the most text, and those paragraphs. */
function paragraphCluster(document: Doc, description?: string): { text: number; paragraphs: string[] } | undefined {
  const scores = new Map<unknown, number>();
  for (const p of document.querySelectorAll('p')) {
    const parent = p.parentNode;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + (p.textContent ?? '').trim().length);
  }
  let best: [unknown, number] | undefined;
  for (const entry of scores) if (!best || entry[1] > best[1]) best = entry;
  if (!best) return undefined;
  const paragraphs = [...(best[0] as Doc['body']).children]
    .filter((c, i, all) => c.tagName === 'P' && !(c === all.find((e) => e.tagName === 'P') && isBoldStandfirst(c, description)))
    .map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { text: best[1], paragraphs };
}

const proseChars = (ps: string[]) => proseShare(ps) * ps.join('').length;
const mean = (ps: string[]) => ps.reduce((n, p) => n + p.length, 0) / Math.max(1, ps.length);

export interface MarkupBody {
  paragraphs: string[];
  /** The structure of Readability's article (html-blocks.ts), when the paragraphs are its. */
  blocks?: RawBlock[];
  title?: string;
  byline?: string;
  lang?: string;
}

export function markupBody(html: string, document: Doc, description?: string, base?: string): MarkupBody {
  // Readability changes the DOM it reads: give it a fresh one. On linkedom its time grows
  // faster than the page (6 s for DD News's 16,000 elements), so, like Firefox's reader
  // view with its parse-node limit, pages past MAX_READABILITY_ELEMENTS skip it and keep
  // the <p> run below.
  const elements = document.querySelectorAll('*').length;
  let article = null;
  if (elements <= MAX_READABILITY_ELEMENTS) {
    const fresh = parseHTML(html).document;
    // Figure captions and embeds' classes do not survive cleaning: they are copied to attributes first (no text changes).
    markFigures(fresh);
    markEmbeds(fresh);
    removeNonText(fresh);
    removeStandfirst(fresh, description);
    article = new Readability(fresh as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  }
  const content = article?.content ? contentBody(article.content, description, base) : undefined;
  let paragraphs = content?.paragraphs ?? [];
  let blocks = content?.blocks;
  // Readability scores blocks by commas and length, and a widget of thousands of short
  // blocks (DD News's weather table) can outscore an article written with few commas, as
  // Hindi prose is (its sentences end in । or .). When one run of real <p> elements holds
  // an article's worth of text (500 characters, Readability's own default threshold) in
  // paragraphs at least twice as long on average as Readability's, and more of it is
  // sentences, that run is the article.
  const cluster = paragraphCluster(document, description);
  if (cluster && cluster.text >= 500 && mean(cluster.paragraphs) >= 2 * mean(paragraphs) && proseChars(cluster.paragraphs) > proseChars(paragraphs)) {
    paragraphs = cluster.paragraphs;
    blocks = undefined;
  }
  // Prose is sentences: when less than a third of the text found ends a sentence (Unicode's
  // Sentence_Terminal: . ! ? । 。 ...) and those sentences make less than an article's worth
  // (500 characters), it is menus, tables and widgets (a video page), not an article, and the
  // page has no body to publish.
  const share = proseShare(paragraphs);
  if (share < 1 / 3 && share * paragraphs.join('').length < 500) paragraphs = [];
  // A page that calls itself a video (Open Graph's object types video.movie, video.episode,
  // video.other: ogp.me) with less than an article's worth of text holds the video's teaser.
  if (/^video\b/i.test(metaContent(document, 'og:type') ?? '') && paragraphs.join('').length < 500) paragraphs = [];
  return { paragraphs, blocks, title: article?.title?.trim() || undefined, byline: article?.byline?.trim() || undefined, lang: article?.lang?.trim() || undefined };
}

/**
 * Tables left after the tables of figures became blocks (body-tables.ts), that still hold no
 * sentences (schedules, price lists laid out with nested markup): when less than a third of a
 * table's cell text ends a sentence, a paragraph per cell ("PSG", "0 - 1", "Mardi 14 févr.") is
 * noise in the text.
 */
function dropDataTables(root: Element) {
  for (const table of [...root.querySelectorAll('table')]) {
    if (!table.isConnected) continue;
    const cells = [...table.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (cells.length >= 4 && proseShare(cells) < 1 / 3) {
      // Its title goes with it ("Résultats groupe finale" above a table of scores).
      const before = table.previousElementSibling;
      if (before && /^H[2-6]$/.test(before.tagName)) before.remove();
      table.remove();
    }
  }
}

/**
 * A standfirst set in bold as the article's first paragraph (tagesschau's `<p><strong>`), which
 * the page's description repeats: it is the summary, kept as such, not the body's first paragraph.
 * A summary of the story runs to two sentences or more; one bold sentence is the lede set in bold
 * (agency style), and stays.
 */
function dropBoldStandfirst(root: Element, description: string) {
  // The first paragraph of some length: Readability turns a dateline <div> into a <p> above it.
  const first = [...root.querySelectorAll('p')].find((p) => letters(p.textContent ?? '').length >= 40);
  if (first && isBoldStandfirst(first, description)) first.remove();
}

function isBoldStandfirst(p: Element, description: string | undefined): boolean {
  const text = letters(p.textContent ?? '');
  if (!description || text.length < 40) return false;
  const bold = [...p.querySelectorAll('strong, b')].reduce((n, b) => n + letters(b.textContent ?? '').length, 0);
  const sentences = (p.textContent ?? '').match(/\p{Sentence_Terminal}+[\p{Pe}\p{Pf}"'’]*(?=\s|$)/gu)?.length ?? 0;
  return bold >= 0.9 * text.length && sentences >= 2 && letters(description).startsWith(text);
}

/** Readability's article HTML as paragraphs and blocks, without the blocks that are mostly links (related stories, tag lists). */
function contentBody(content: string, description?: string, base?: string): { paragraphs: string[]; blocks: RawBlock[] } {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  // Tables of figures are the story's (results, standings): a TableBlock each, out of the paragraphs.
  markTables(document.body);
  dropLinkBlocks(document.body);
  dropDataTables(document.body);
  if (description) dropBoldStandfirst(document.body, description);
  return { paragraphs: nodeParagraphs(document.body as unknown as Parameters<typeof nodeParagraphs>[0]), blocks: nodeBlocks(document.body, base) };
}

/** Blocks of the element microdata marks as the article body. */
export function elementBlocks(element: Element | null, base?: string): RawBlock[] {
  return element ? nodeBlocks(element, base) : [];
}

/** Paragraphs of the element microdata marks as the article body. */
export function elementParagraphs(element: Element | null): string[] {
  return element ? nodeParagraphs(element as unknown as Parameters<typeof nodeParagraphs>[0]) : [];
}
