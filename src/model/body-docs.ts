import type { ImageDoc } from './image-docs';
import { EmbedProvider } from './schema-enums.gen';

/**
 * An article's structured body as stored (`ArticleDoc.body`), the same shape as the data file's
 * `body` (docs/data-format.md). Text is not stored twice: a block whose text is one of the
 * article's paragraphs names it by index, and a plain paragraph is its index alone, so a body
 * costs a few bytes a paragraph over `paragraphs`. Inline marks are UTF-16 ranges of that text,
 * as mentions are, in the manner of Portable Text's spans and mark definitions.
 */

export const MARK_TYPES = ['emphasis', 'strong', 'link'] as const;
export type MarkType = (typeof MARK_TYPES)[number];

/** Emphasis, strong importance or a link over `text.slice(start, end)`. */
export interface MarkDoc {
  start: number;
  end: number;
  type: MarkType;
  /** The link's URL, for `type: "link"` only. */
  href?: string;
}

/** A block's text: one of the paragraphs (`paragraph`), or text of its own (`text`), with its marks. */
export interface TextDoc {
  paragraph?: number;
  text?: string;
  marks?: MarkDoc[];
}

export const EMBED_PROVIDERS = Object.values(EmbedProvider);

export interface ParagraphBlockDoc {
  type: 'paragraph';
  paragraph: number;
  marks?: MarkDoc[];
}

export interface HeadingBlockDoc extends TextDoc {
  type: 'heading';
  level: number;
}

export interface QuoteBlockDoc extends TextDoc {
  type: 'quote';
  attribution?: string;
}

export interface ListBlockDoc {
  type: 'list';
  ordered?: boolean;
  /** A number is that paragraph as a plain item. */
  items: Array<number | TextDoc>;
}

export interface ImageBlockDoc {
  type: 'image';
  /** `renditions` may be left out when there are none. */
  image: Omit<ImageDoc, 'renditions'> & Partial<Pick<ImageDoc, 'renditions'>>;
}

export interface EmbedBlockDoc {
  type: 'embed';
  provider: EmbedProvider;
  url: string;
  /** The embed's own words where the source gives them (a post's text): plain text. */
  text?: string;
  /** Who posted it and when, as the embed prints it ("KCNA (@kcna) June 19, 2024"). */
  attribution?: string;
}

/** A table of figures: its cells' plain text, row by row (text of its own, never a paragraph). */
export interface TableBlockDoc {
  type: 'table';
  caption?: string;
  rows: Array<{ cells: string[]; header?: boolean }>;
}

/** A number is that paragraph, plain. */
export type BodyBlockDoc = number | ParagraphBlockDoc | HeadingBlockDoc | QuoteBlockDoc | ListBlockDoc | ImageBlockDoc | EmbedBlockDoc | TableBlockDoc;

export const BLOCK_TYPES = ['paragraph', 'heading', 'quote', 'list', 'image', 'embed', 'table'] as const;

/** A table as one plain text: its caption, then a line a row, cells separated by tabs. */
export function tableText(table: Pick<TableBlockDoc, 'caption' | 'rows'>): string {
  return [...(table.caption ? [table.caption] : []), ...table.rows.map((r) => r.cells.join('\t'))].join('\n');
}

/** The paragraph indexes a body names, in its order: each paragraph must be named once, in order. */
export function paragraphRefs(body: readonly BodyBlockDoc[]): number[] {
  const refs: number[] = [];
  const add = (t: number | TextDoc) => {
    const p = typeof t === 'number' ? t : t.paragraph;
    if (p !== undefined) refs.push(p);
  };
  for (const block of body) {
    if (typeof block === 'number' || block.type === 'paragraph' || block.type === 'heading' || block.type === 'quote') add(block as number | TextDoc);
    else if (block.type === 'list') block.items.forEach(add);
  }
  return refs;
}
