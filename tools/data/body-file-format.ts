import { z } from 'zod';
import { BLOCK_TYPES, EMBED_PROVIDERS, MARK_TYPES, paragraphRefs, type BodyBlockDoc, type MarkDoc, type TextDoc } from '../../src/model/body-docs';
import { httpUrl, text } from './field-formats';
import { INPUT_LIMITS } from './input-limits';

/**
 * An article file's `body` (docs/data-format.md, "Structured body"): typed blocks in reading
 * order, stored as written (src/model/body-docs.ts). Text lives in `paragraphs`; a block names
 * its paragraph by index, so every paragraph must be named once, in order, and marks must lie
 * inside their text. Checked against the article's paragraphs by `bodyProblems`.
 */

const index = z.number().int().min(0, 'must be a paragraph index, from 0');

const mark = z
  .strictObject({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    type: z.enum(MARK_TYPES),
    href: httpUrl.optional(),
  })
  .refine((m) => m.start < m.end, { message: 'a mark must end after it starts', path: ['end'] })
  .refine((m) => (m.type === 'link') === (m.href !== undefined), { message: 'a link mark needs an href, and only a link mark has one', path: ['href'] });

/** A block's text: `paragraph` (an index into `paragraphs`) or `text`, not both. */
const textParts = { paragraph: index.optional(), text: text.optional(), marks: z.array(mark).optional() };
const oneText = (t: { paragraph?: number; text?: string }) => (t.paragraph === undefined) !== (t.text === undefined);
const ONE_TEXT = { message: 'needs either `paragraph` (an index into paragraphs) or `text`, not both' };
const textItem = z.strictObject(textParts).refine(oneText, ONE_TEXT);

const image = z.strictObject({
  url: httpUrl,
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  contentType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'must be a media type such as image/jpeg').optional(),
  alt: text.optional(),
  caption: text.optional(),
  credit: text.optional(),
  renditions: z.array(z.strictObject({ name: text.optional(), url: httpUrl, width: z.number().int().positive().optional(), height: z.number().int().positive().optional() })).optional(),
});

const { tableRows, tableColumns, tableCellLength } = INPUT_LIMITS;
const cell = z.string().max(tableCellLength, `a table cell is at most ${tableCellLength} characters`);
const tableRow = z.strictObject({
  header: z.boolean().optional(),
  cells: z.array(cell).min(1, 'a table row needs a cell').max(tableColumns, `a table row has at most ${tableColumns} cells`),
});

const block = z.union([
  index,
  z.strictObject({ type: z.literal('paragraph'), paragraph: index, marks: z.array(mark).optional() }),
  z.strictObject({ type: z.literal('heading'), level: z.number().int().min(1).max(6, 'a heading level is 1 to 6, as HTML h1-h6'), ...textParts }).refine(oneText, ONE_TEXT),
  z.strictObject({ type: z.literal('quote'), attribution: text.optional(), ...textParts }).refine(oneText, ONE_TEXT),
  z.strictObject({ type: z.literal('list'), ordered: z.boolean().optional(), items: z.array(z.union([index, textItem])).min(1, 'a list needs an item') }),
  z.strictObject({ type: z.literal('image'), image }),
  z.strictObject({ type: z.literal('embed'), provider: z.enum(EMBED_PROVIDERS), url: httpUrl, text: text.optional(), attribution: text.optional() }),
  z.strictObject({ type: z.literal('table'), caption: text.optional(), rows: z.array(tableRow).min(1, 'a table needs a row').max(tableRows, `a table has at most ${tableRows} rows`) }),
], { error: (issue) => (issue.code === 'invalid_union' ? `must be a paragraph index or a block whose type is one of ${BLOCK_TYPES.join(', ')}` : undefined) });

export const bodyFile = z.array(block);

interface BodyProblem {
  path: Array<string | number>;
  message: string;
}

/** What is wrong with a valid-shaped body against its article's paragraphs: references and mark ranges. */
export function bodyProblems(body: readonly BodyBlockDoc[], paragraphs: readonly string[]): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const checkText = (t: number | TextDoc, path: Array<string | number>) => {
    const ref = typeof t === 'number' ? t : t.paragraph;
    if (ref !== undefined && ref >= paragraphs.length) {
      problems.push({ path: typeof t === 'number' ? path : [...path, 'paragraph'], message: `names paragraph ${ref}; the article has ${paragraphs.length}` });
      return;
    }
    const length = (ref !== undefined ? paragraphs[ref]! : (t as TextDoc).text ?? '').length;
    const marks: MarkDoc[] = typeof t === 'number' ? [] : (t.marks ?? []);
    marks.forEach((m, i) => {
      if (m.end > length) problems.push({ path: [...path, 'marks', i, 'end'], message: `is past the end of its text (${length} UTF-16 code units)` });
    });
  };
  body.forEach((b, i) => {
    if (typeof b === 'number' || b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote') checkText(b as number | TextDoc, [i]);
    else if (b.type === 'list') b.items.forEach((item, j) => checkText(item, [i, 'items', j]));
  });
  if (problems.length > 0) return problems;
  const refs = paragraphRefs(body);
  const expected = paragraphs.map((_, k) => k);
  if (refs.join() !== expected.join()) {
    const at = expected.findIndex((k, n) => refs[n] !== k);
    problems.push({ path: [], message: `must name every paragraph once, in order (0 to ${paragraphs.length - 1}); it names ${refs[at] ?? 'nothing'} where paragraph ${at} is due` });
  }
  return problems;
}
