import type { ArticleDoc, ImageDoc } from './article-docs';
import { BLOCK_TYPES, tableText, type BodyBlockDoc, type MarkDoc, type TextDoc } from './body-docs';
import { DataUnavailable } from './domain-errors';
import type { EmbedProvider, Mark } from './schema-enums.gen';

/**
 * An article's body as the API gives it (`Article.body`): the stored blocks (body-docs.ts) with
 * their text looked up in `paragraphs` and cut into spans. A block that cannot be read (a kind
 * this worker does not know, a paragraph that is not there) is an error in its place, so one
 * bad block nulls its item, not the body.
 */

export interface SpanValue {
  text: string;
  marks: Mark[];
  link: string | null;
}

export interface TextValue {
  text: string;
  paragraph: number | null;
  spans: SpanValue[];
}

export type ParagraphValue = { kind: 'ParagraphBlock' } & TextValue & { paragraph: number };
export type HeadingValue = { kind: 'HeadingBlock'; level: number } & TextValue;
export type QuoteValue = { kind: 'QuoteBlock'; attribution: string | null } & TextValue;
export interface ListValue { kind: 'ListBlock'; text: string; ordered: boolean; items: TextValue[] }
export interface ImageValue { kind: 'ImageBlock'; text: string; image: ImageDoc }
export interface EmbedValue { kind: 'EmbedBlock'; text: string; provider: EmbedProvider; url: string; attribution: string | null }
export interface TableRowValue { header: boolean; cells: string[] }
export interface TableValue { kind: 'TableBlock'; text: string; caption: string | null; rows: TableRowValue[] }
export type BlockValue = ParagraphValue | HeadingValue | QuoteValue | ListValue | ImageValue | EmbedValue | TableValue;

const MARK_ORDER: Array<[MarkDoc['type'], Mark]> = [['emphasis', 'EMPHASIS'], ['strong', 'STRONG']];

/** `text` cut at every mark's start and end; each piece carries the marks and link over it. */
export function spansOf(text: string, marks: readonly MarkDoc[] = []): SpanValue[] {
  if (marks.length === 0) return text ? [{ text, marks: [], link: null }] : [];
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const spans: SpanValue[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    const over = marks.filter((m) => m.start <= start && m.end >= end);
    const link = over.find((m) => m.type === 'link')?.href ?? null;
    const kinds = MARK_ORDER.filter(([type]) => over.some((m) => m.type === type)).map(([, mark]) => mark);
    const last = spans.at(-1);
    // Neighbours with the same marks and link are one span.
    if (last && last.link === link && last.marks.join() === kinds.join()) last.text += text.slice(start, end);
    else spans.push({ text: text.slice(start, end), marks: kinds, link });
  }
  return spans;
}

class UnreadableBlock extends DataUnavailable {
  constructor(slug: string, index: number, why: string) {
    super(`Block ${index} of the body of article ${slug} cannot be read: ${why}.`);
  }
}

function textValue(doc: ArticleDoc, t: number | TextDoc, fail: (why: string) => never): TextValue {
  const ref = typeof t === 'number' ? t : t.paragraph;
  const text = ref !== undefined ? doc.paragraphs[ref] : typeof t === 'object' ? t.text : undefined;
  if (text === undefined) fail(ref !== undefined ? `it names paragraph ${ref}, which the article does not have` : 'it has no text');
  const marks = typeof t === 'object' ? (t.marks ?? []) : [];
  if (marks.some((m) => !(m.start >= 0 && m.end <= text.length && m.start < m.end))) fail('a mark lies outside its text');
  return { text, paragraph: ref ?? null, spans: spansOf(text, marks) };
}

function blockValue(doc: ArticleDoc, block: BodyBlockDoc, fail: (why: string) => never): BlockValue {
  if (typeof block === 'number') return { kind: 'ParagraphBlock', ...textValue(doc, block, fail), paragraph: block };
  switch (block?.type) {
    case 'paragraph':
      return { kind: 'ParagraphBlock', ...textValue(doc, block, fail), paragraph: block.paragraph };
    case 'heading':
      return { kind: 'HeadingBlock', level: block.level, ...textValue(doc, block, fail) };
    case 'quote':
      return { kind: 'QuoteBlock', attribution: block.attribution ?? null, ...textValue(doc, block, fail) };
    case 'list': {
      const items = block.items.map((item) => textValue(doc, item, fail));
      return { kind: 'ListBlock', ordered: block.ordered === true, items, text: items.map((i) => i.text).join('\n') };
    }
    case 'image':
      return { kind: 'ImageBlock', image: { ...block.image, renditions: block.image.renditions ?? [] }, text: block.image.caption ?? block.image.alt ?? '' };
    case 'embed':
      return { kind: 'EmbedBlock', provider: block.provider, url: block.url, text: block.text ?? block.url, attribution: block.attribution ?? null };
    case 'table':
      if (!Array.isArray(block.rows) || block.rows.some((r) => !Array.isArray(r?.cells) || r.cells.some((c) => typeof c !== 'string'))) fail('its rows are not lists of text cells');
      return { kind: 'TableBlock', caption: block.caption ?? null, rows: block.rows.map((r) => ({ header: r.header === true, cells: r.cells })), text: tableText(block) };
    default:
      return fail(`its type ${JSON.stringify((block as { type?: unknown } | null)?.type ?? null)} is none of ${BLOCK_TYPES.join(', ')}`);
  }
}

/** The body's blocks, an error in place of each block that cannot be read; one plain paragraph block each when it has no stored body. */
export function bodyBlocks(doc: ArticleDoc): Array<BlockValue | DataUnavailable> {
  const body: readonly BodyBlockDoc[] = doc.body ?? doc.paragraphs.map((_, i) => i);
  return body.map((block, index) => {
    try {
      return blockValue(doc, block, (why) => {
        throw new UnreadableBlock(doc.slug, index, why);
      });
    } catch (error) {
      return error instanceof DataUnavailable ? error : new UnreadableBlock(doc.slug, index, 'it is not a block');
    }
  });
}
