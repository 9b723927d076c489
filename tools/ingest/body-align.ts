import type { BodyBlockDoc, MarkDoc, TextDoc } from '../../src/model/body-docs';
import { bodyFile, bodyProblems } from '../data/body-file-format';
import { textOffence } from '../data/check-text';
import type { RawBlock } from './html-blocks';

/**
 * A story's body (src/model/body-docs.ts) from the blocks its markup holds (html-blocks.ts)
 * and the paragraphs ingest kept: each text block whose text is the next kept paragraph names
 * it; a text block that is no kept paragraph was dropped as junk (a caption, a "follow us"
 * line, the headline) and stays out of the body too; a kept paragraph the markup's blocks do not
 * give is a plain paragraph in its place. So the body names every paragraph once, in order, as
 * the build requires. Undefined when the result is the paragraphs alone.
 */
function textDoc(paragraph: number, marks: MarkDoc[]): TextDoc {
  return marks.length > 0 ? { paragraph, marks } : { paragraph };
}

export function alignBody(paragraphs: readonly string[], blocks: readonly RawBlock[]): BodyBlockDoc[] | undefined {
  const out: BodyBlockDoc[] = [];
  // A table whose words the paragraphs already hold (a structured body that printed it) is not given twice.
  const all = paragraphs.join('\n');
  const inText = (cells: string[]) => {
    const words = cells.filter((c) => /\p{L}{3}/u.test(c));
    return words.length > 0 && words.filter((c) => all.includes(c)).length * 2 > words.length;
  };
  let next = 0;
  let list: { id: number; block: Extract<BodyBlockDoc, { type: 'list' }> } | undefined;
  const catchUp = (until: number) => {
    for (; next < until; next++) out.push(next);
  };
  for (const block of blocks) {
    if (block.kind !== 'text') {
      list = undefined;
      if (block.kind === 'image') out.push({ type: 'image', image: block.image });
      else if (block.kind === 'table') {
        if (!inText(block.table.rows.flatMap((r) => r.cells))) out.push({ type: 'table', ...block.table });
      } else out.push({ type: 'embed', provider: block.embed.provider, url: block.embed.url, ...(block.embed.text ? { text: block.embed.text } : {}), ...(block.embed.attribution ? { attribution: block.embed.attribution } : {}) });
      continue;
    }
    const at = paragraphs.indexOf(block.text, next);
    if (at < 0) continue;
    catchUp(at);
    next = at + 1;
    const text = textDoc(at, block.marks);
    if (block.role === 'item') {
      const item = block.marks.length > 0 ? text : at;
      if (list && list.id === block.list && out.at(-1) === list.block) list.block.items.push(item);
      else {
        list = { id: block.list!, block: { type: 'list', ...(block.ordered ? { ordered: true } : {}), items: [item] } };
        out.push(list.block);
      }
      continue;
    }
    list = undefined;
    if (block.role === 'heading') out.push({ type: 'heading', level: block.level!, ...text });
    else if (block.role === 'quote') out.push({ type: 'quote', ...(block.attribution ? { attribution: block.attribution } : {}), ...text });
    else out.push(block.marks.length > 0 ? { type: 'paragraph', paragraph: at, marks: block.marks } : at);
  }
  catchUp(paragraphs.length);
  return out.some((b) => typeof b !== 'number') ? out : undefined;
}

/**
 * The body ingest writes: the aligned blocks when the build would take them (its format, its
 * rules for text), else none. The structure is optional; a story is never refused for it.
 */
export function storyBody(paragraphs: readonly string[], blocks: readonly RawBlock[] = []): BodyBlockDoc[] | undefined {
  const body = alignBody(paragraphs, blocks);
  if (!body || !bodyFile.safeParse(body).success || bodyProblems(body, paragraphs).length > 0) return undefined;
  let offence = false;
  JSON.stringify(body, (_, v: unknown) => ((offence ||= typeof v === 'string' && textOffence(v) !== null), v));
  return offence ? undefined : body;
}
