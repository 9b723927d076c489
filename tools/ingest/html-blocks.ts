/// <reference lib="dom" />
// linkedom types its documents with the DOM lib, which tsconfig leaves out of Node code.
import { parseHTML } from 'linkedom';
import type { ImageDoc } from '../../src/model/documents';
import type { MarkDoc } from '../../src/model/body-docs';
import { EMBED_ATTRIBUTE, embedOf, type EmbedFound } from './body-embeds';
import { imageOf } from './body-figures';
import { markedTable, type TableFound } from './body-tables';
import { BLOCK, SKIP } from './html-text';

/**
 * The structure of an HTML body (ninjs body_html, a feed's content, Readability's article): its
 * text cut where html-text.ts cuts paragraphs, so the texts are the same strings, each with the
 * role of its block (paragraph, h1-h6, blockquote, list item) and its links and emphasis as
 * ranges; pictures, embedded posts and marked tables of figures (body-tables.ts) in their places. Figure captions belong to their picture
 * and are no text here. The walk is iterative, as nodeParagraphs' is.
 */
export type TextRole = 'paragraph' | 'heading' | 'quote' | 'item';

export type RawBlock =
  | { kind: 'text'; role: TextRole; text: string; marks: MarkDoc[]; level?: number; list?: number; ordered?: boolean; attribution?: string }
  | { kind: 'image'; image: ImageDoc }
  | { kind: 'embed'; embed: EmbedFound }
  | { kind: 'table'; table: TableFound };

type Context = Omit<Extract<RawBlock, { kind: 'text' }>, 'kind' | 'text' | 'marks'>;
interface OpenMark { type: MarkDoc['type']; href?: string; start: number }
type Step = Element | Node | { endBlock: true } | { endContext: true } | { endMark: OpenMark };

const MARKS: Record<string, MarkDoc['type']> = { EM: 'emphasis', I: 'emphasis', STRONG: 'strong', B: 'strong', A: 'link' };
const oneLine = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function linkHref(el: Element, base?: string): string | undefined {
  try {
    const url = new URL(el.getAttribute('href') ?? '', base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function embedAt(el: Element): EmbedFound | undefined {
  const marked = el.getAttribute(EMBED_ATTRIBUTE);
  if (marked) {
    try {
      return JSON.parse(marked) as EmbedFound;
    } catch {
      return undefined;
    }
  }
  return embedOf(el);
}

/** The role a block element gives the text inside it, or undefined when it gives none. */
function contextOf(el: Element, lists: Map<Element, number>): Context | undefined {
  const tag = el.tagName;
  if (/^H[1-6]$/.test(tag)) return { role: 'heading', level: Number(tag[1]) };
  if (tag === 'BLOCKQUOTE') {
    const parent = el.parentElement;
    const attribution = parent?.tagName === 'FIGURE' ? oneLine(parent.querySelector('figcaption')?.textContent) : '';
    return { role: 'quote', ...(attribution ? { attribution } : {}) };
  }
  if (tag === 'LI') {
    // Nested lists are items of the outermost one.
    let outer: Element | undefined;
    for (let p = el.parentElement; p; p = p.parentElement) if (p.tagName === 'UL' || p.tagName === 'OL') outer = p;
    if (!outer) return undefined;
    if (!lists.has(outer)) lists.set(outer, lists.size);
    return { role: 'item', list: lists.get(outer)!, ordered: outer.tagName === 'OL' };
  }
  return undefined;
}

export function nodeBlocks(root: Node, base?: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  const contexts: Context[] = [];
  const lists = new Map<Element, number>();
  let open: OpenMark[] = [];
  let marks: MarkDoc[] = [];
  let out = '';
  let space = false;
  const close = (m: OpenMark) => {
    if (out.length > m.start) marks.push({ start: m.start, end: out.length, type: m.type, ...(m.href ? { href: m.href } : {}) });
  };
  const flush = () => {
    open.forEach(close);
    if (out) {
      const trimmed = marks.map((m) => {
        let [start, end] = [m.start, m.end];
        while (start < end && out[start] === ' ') start++;
        while (end > start && out[end - 1] === ' ') end--;
        return { ...m, start, end };
      }).filter((m, i, all) => m.end > m.start && !all.some((o, j) => j !== i && o.type === m.type && o.href === m.href && o.start <= m.start && o.end >= m.end && (o.start < m.start || o.end > m.end || j < i)));
      blocks.push({ kind: 'text', ...(contexts.at(-1) ?? { role: 'paragraph' }), text: out, marks: trimmed });
    }
    out = '';
    space = false;
    marks = [];
    open = open.map((m) => ({ ...m, start: 0 }));
  };
  const stack: Step[] = [root];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('endBlock' in step) flush();
    else if ('endContext' in step) contexts.pop();
    else if ('endMark' in step) {
      close(step.endMark);
      open = open.filter((m) => m !== step.endMark);
    } else if (step.nodeType === 3) {
      for (const c of step.textContent ?? '') {
        if (/\s/.test(c)) space = out.length > 0;
        else {
          if (space) out += ' ';
          out += c;
          space = false;
        }
      }
    } else if (step.nodeType === 1 || step.nodeType === 9 || step.nodeType === 11) {
      const el = step as Element;
      const name = el.nodeName.toUpperCase();
      const embed = step.nodeType === 1 ? embedAt(el) : undefined;
      const table = step.nodeType === 1 ? markedTable(el) : undefined;
      if (table) {
        flush();
        blocks.push({ kind: 'table', table });
        continue;
      }
      if (embed || name === 'FIGURE' && el.querySelector('img') || name === 'IMG') {
        flush();
        const image = embed ? undefined : imageOf(name === 'IMG' ? el : el.querySelector('img')!, base);
        if (embed) blocks.push({ kind: 'embed', embed });
        else if (image) blocks.push({ kind: 'image', image });
        continue;
      }
      if (SKIP.has(name) || name === 'FIGCAPTION') continue;
      const block = BLOCK.has(name);
      if (block) flush();
      // The block's text is flushed (endBlock) before its context is left (endContext).
      const context = step.nodeType === 1 ? contextOf(el, lists) : undefined;
      if (context) {
        contexts.push(context);
        stack.push({ endContext: true });
      }
      if (block) stack.push({ endBlock: true });
      const mark = MARKS[name];
      const href = mark === 'link' ? linkHref(el, base) : undefined;
      if (mark && (mark !== 'link' || href)) {
        const m: OpenMark = { type: mark, ...(href ? { href } : {}), start: out.length };
        open.push(m);
        stack.push({ endMark: m });
      }
      const children = el.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  flush();
  return blocks;
}

/** The blocks of an HTML fragment; `base` makes relative links and pictures absolute. */
export function htmlBlocks(html: string, base?: string): RawBlock[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeBlocks(document.body as unknown as Node, base);
}
