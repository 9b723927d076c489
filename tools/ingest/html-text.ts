/// <reference lib="dom" />
// linkedom types its documents with the DOM lib, which tsconfig leaves out of Node code.
import { parseHTML } from 'linkedom';

/**
 * The paragraphs of an HTML body (content:encoded, ninjs body_html, readability's output):
 * parsed by a real HTML parser (linkedom on htmlparser2), so entities such as `&#039;` are
 * decoded and markup dropped; every block element (p, h1-h6, li, blockquote, ...) and `<br>`
 * ends a paragraph; whitespace runs collapse to one space (HTML's white-space: normal);
 * script, style, embedded media and a picture's figure (caption, credit) are no text. The walk is iterative: a body nested 100,000
 * levels deep does not exhaust the stack.
 */
export const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'BR', 'BODY', 'HTML',
]);
export const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'BUTTON', 'SELECT']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** A `<figure>` with a picture: its caption and credit are the picture's (html-blocks.ts), not paragraphs of the text. */
export const isPicture = (node: DomNode): boolean =>
  node.nodeName.toUpperCase() === 'FIGURE' && (node as unknown as { querySelector(s: string): unknown }).querySelector('img') !== null;

export function htmlParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeParagraphs(document.body as unknown as DomNode);
}

/** The paragraphs of a DOM subtree (for readability's output, already parsed). */
export function nodeParagraphs(root: DomNode): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
    current = '';
  };
  // Explicit stack of nodes, with a marker to close block elements after their children.
  const stack: Array<DomNode | 'end-block'> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'end-block') {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name) || isPicture(node)) continue;
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push('end-block');
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return out;
}

/**
 * Paragraphs of a text that may or may not be HTML (RSS `description`, JSON-LD articleBody):
 * HTML when the parser finds an element in it, else plain text, kept as given (parsing it
 * as HTML would decode an `&amp;` the feed had already decoded once).
 */
export function markupParagraphs(text: string): string[] {
  if (!text.includes('<')) return textParagraphs(text); // no tag can open: plain text, no parse needed
  const { document } = parseHTML(`<!doctype html><html><body>${text}</body></html>`);
  return document.body.children.length > 0 ? nodeParagraphs(document.body as unknown as DomNode) : textParagraphs(text);
}

/** Paragraphs of plain text: blank lines (or, failing those, line breaks) divide them. */
export function textParagraphs(text: string): string[] {
  const blocks = /\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split('\n');
  return blocks.map((b) => b.replace(/\s+/g, ' ').trim()).filter((b) => b.length > 0);
}
