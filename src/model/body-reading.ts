import { tableText, type BodyBlockDoc, type TableBlockDoc } from './body-docs';

/**
 * An article's text in reading order, as a reader of the page sees it: every paragraph, and in
 * its place the text of each block that holds text of its own (a table's cells, an embedded
 * post's words), which `paragraphs` leaves out. Pictures are not text: their caption belongs to
 * the picture. Mention offsets, word counts and search read `paragraphs` alone.
 */
export type ReadingPart =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; text: string; table: TableBlockDoc }
  | { kind: 'embed'; text: string };

export function readingParts(paragraphs: readonly string[], body?: readonly BodyBlockDoc[]): ReadingPart[] {
  if (!body) return paragraphs.map((text) => ({ kind: 'paragraph', text }));
  const parts: ReadingPart[] = [];
  const own = new Set(paragraphs);
  // A block's text is one of the paragraphs, or (a subhead the source gives apart) its own.
  const add = (p: number | undefined, own?: string) => {
    const text = p === undefined ? own : paragraphs[p];
    if (text !== undefined) parts.push({ kind: 'paragraph', text });
  };
  for (const block of body) {
    if (typeof block === 'number') add(block);
    else if (block.type === 'paragraph') add(block.paragraph);
    else if (block.type === 'heading' || block.type === 'quote') add(block.paragraph, block.text);
    else if (block.type === 'list') block.items.forEach((item) => (typeof item === 'number' ? add(item) : add(item.paragraph, item.text)));
    else if (block.type === 'table') parts.push({ kind: 'table', text: tableText(block), table: block });
    else if (block.type === 'embed' && (block.text || block.attribution)) {
      // A post's words the paragraphs already hold (a source that printed them as text) are not given twice.
      const words = block.text && !own.has(block.text) ? [block.text] : [];
      const text = [...words, ...(block.attribution ? [`— ${block.attribution}`] : [])].join('\n');
      if (text) parts.push({ kind: 'embed', text });
    }
  }
  return parts;
}

/** The reading text as one string, parts joined by `separator` (a blank line between paragraphs). */
export function readingText(paragraphs: readonly string[], body?: readonly BodyBlockDoc[], separator = '\n\n'): string {
  return readingParts(paragraphs, body).map((p) => p.text).join(separator);
}
