/// <reference lib="dom" />
// linkedom types its documents with the DOM lib, which tsconfig leaves out of Node code.
import type { TableBlockDoc } from '../../src/model/body-docs';
import { INPUT_LIMITS } from '../data/input-limits';
import { linkDensity, MAX_LINK_DENSITY } from './link-density';

/**
 * Tables of figures inside a story's markup (election results, scores, standings), as a
 * TableBlock: each row's cells as plain text, a caption. A table is one of figures by its
 * structure, as HTML defines a data table (WHATWG HTML, "the table element": tables are for
 * tabular data, not layout): heading cells (`th`), a `caption`, or cells that are figures,
 * with no block content nested in its cells (no table, list, picture, heading or quote in a
 * cell: that is a page laid out with a table). A table past the build's limits (rows,
 * columns, cell length) is no TableBlock.
 */
export type TableFound = Omit<TableBlockDoc, 'type'>;

/** Marked tables become an empty element carrying the table as JSON (html-blocks.ts reads it; text walks find nothing there). */
export const TABLE_ATTRIBUTE = 'data-body-table';

const NESTED_BLOCKS = 'table, ul, ol, dl, img, picture, figure, iframe, video, h1, h2, h3, h4, h5, h6, blockquote, form';
// A figure: digits with the signs that go with them (1,234.5 · 85% · 3-1 · $4.99 · 12:30 · (2)).
const FIGURE = /^[-+−–(]?[$€£¥₹]?\s?\d[\d\s.,:/%′″'–−-]*[%)]?\s?[A-Za-z]{0,3}$/u;
const oneLine = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The rows of `table` (its own rows, not a nested table's), or undefined past the limits. */
function rowsOf(table: Element): TableFound['rows'] | undefined {
  const rows: TableFound['rows'] = [];
  const own = [...table.querySelectorAll('tr')].filter((tr) => tr.closest('table') === table);
  if (own.length > INPUT_LIMITS.tableRows) return undefined;
  // A <tfoot> is shown after the body wherever it stands in the source (HTML, "the tfoot element").
  const inFoot = (tr: Element) => tr.parentElement?.tagName === 'TFOOT';
  for (const tr of [...own.filter((tr) => !inFoot(tr)), ...own.filter(inFoot)]) {
    const cells = [...tr.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    if (cells.length === 0) continue;
    if (cells.length > INPUT_LIMITS.tableColumns) return undefined;
    const texts = cells.map((c) => oneLine(c.textContent));
    if (texts.every((t) => t === '')) continue;
    if (texts.some((t) => t.length > INPUT_LIMITS.tableCellLength)) return undefined;
    const header = tr.parentElement?.tagName === 'THEAD' || cells.every((c) => c.tagName === 'TH');
    // A footer repeating the header row (long tables print it at both ends) adds nothing.
    if (inFoot(tr) && rows[0]?.header && rows[0].cells.join('\t') === texts.join('\t')) continue;
    rows.push(header ? { header: true, cells: texts } : { cells: texts });
  }
  return rows;
}

/** `el` as a table of figures, or undefined when it lays out a page, holds no figures, or is too large to keep. */
export function tableOf(el: Element): TableFound | undefined {
  if (el.tagName !== 'TABLE' || el.querySelector(NESTED_BLOCKS)) return undefined;
  if (linkDensity(el) > MAX_LINK_DENSITY) return undefined;
  const rows = rowsOf(el);
  if (!rows || rows.length < 2 || !rows.some((r) => r.cells.length >= 2)) return undefined;
  const cells = rows.flatMap((r) => r.cells).filter(Boolean);
  const figures = cells.filter((c) => FIGURE.test(c)).length;
  const caption = oneLine(el.querySelector('caption')?.textContent);
  const headed = rows.some((r) => r.header) || el.querySelector('th') !== null;
  if (!headed && !caption && figures < cells.length / 5) return undefined;
  return { ...(caption ? { caption } : {}), rows };
}

/**
 * Replaces each table of figures under `root` with its marker; a subhead just above a table
 * without a caption is its caption ("Standings after round 12"), taken out of the text.
 */
export function markTables(root: Element): number {
  let marked = 0;
  for (const table of [...root.querySelectorAll('table')]) {
    if (!table.isConnected) continue;
    const found = tableOf(table);
    if (!found) continue;
    const before = table.previousElementSibling;
    const title = before && /^H[2-6]$/.test(before.tagName) ? oneLine(before.textContent) : '';
    if (!found.caption && title && title.length <= 200) {
      found.caption = title;
      before!.remove();
    }
    const marker = table.ownerDocument.createElement('div');
    marker.setAttribute(TABLE_ATTRIBUTE, JSON.stringify(found));
    table.replaceWith(marker);
    marked++;
  }
  return marked;
}

/** The table a marker carries, or undefined for an element that is none (or whose JSON is broken). */
export function markedTable(el: Element): TableFound | undefined {
  const json = el.getAttribute(TABLE_ATTRIBUTE);
  if (!json) return undefined;
  try {
    const found = JSON.parse(json) as TableFound;
    return Array.isArray(found.rows) ? found : undefined;
  } catch {
    return undefined;
  }
}
