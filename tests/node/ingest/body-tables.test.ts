import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readingText } from '../../../src/model/body-reading';
import { INPUT_LIMITS } from '../../../tools/data/input-limits';
import { markTables, tableOf } from '../../../tools/ingest/body-tables';
import { readPage } from '../../../tools/ingest/page';
import { toArticleDraft } from '../../../tools/ingest/to-article';

/** Tables of figures in a page's article: a TableBlock each, out of the paragraphs; layout tables and oversized ones are not. */
const prose = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `<p>The county counted its votes for the ${from + i + 1}th time on Tuesday, and the clerks argued about the ballots, the machines and the rules until late in the evening.</p>`).join('');
const RESULTS = `<h3>Results by candidate</h3><table><thead><tr><th>Candidate</th><th>Votes</th><th>Share</th></tr></thead>
  <tbody><tr><td>Asha Rao</td><td>12,408</td><td>51.2%</td></tr><tr><td>Ben Ortiz</td><td>11,822</td><td>48.8%</td></tr></tbody></table>`;
const page = (body: string) => `<!doctype html><html lang="en"><head><title>Rao wins the county</title></head><body><article><h1>Rao wins the county</h1>${body}</article></body></html>`;
const draftOf = (html: string) => {
  const item = readPage(html, 'https://news.example/a');
  if (!('story' in item)) throw new Error(item.error);
  const { draft, errors } = toArticleDraft(item.story, new Date('2026-12-08T00:00:00Z'));
  if (!draft) throw new Error(errors.join('; '));
  return draft;
};
const table = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.querySelector('table')!;

describe('tables of figures in a page', () => {
  it('become a TableBlock in place, with the subhead above as caption, and leave the paragraphs as prose', () => {
    const draft = draftOf(page(`${prose(3)}${RESULTS}${prose(2, 3)}`));
    expect(draft.paragraphs).toHaveLength(5);
    expect(draft.paragraphs.join(' ')).not.toMatch(/Asha Rao|12,408|Results by candidate/);
    const blocks = draft.body!.filter((b) => typeof b === 'object' && b.type === 'table');
    expect(blocks).toEqual([{
      type: 'table', caption: 'Results by candidate',
      rows: [{ header: true, cells: ['Candidate', 'Votes', 'Share'] }, { cells: ['Asha Rao', '12,408', '51.2%'] }, { cells: ['Ben Ortiz', '11,822', '48.8%'] }],
    }]);
    expect(draft.body!.indexOf(blocks[0]!)).toBe(3);
    // The reading text holds the table where the page shows it, cells apart by tabs.
    expect(readingText(draft.paragraphs, draft.body).split('\n\n')[3]).toBe('Results by candidate\nCandidate\tVotes\tShare\nAsha Rao\t12,408\t51.2%\nBen Ortiz\t11,822\t48.8%');
  });

  it('judges by structure: headings, a caption or figures make a data table; a table laying out blocks is none', () => {
    expect(tableOf(table('<table><caption>Fixtures</caption><tr><td>Leeds</td><td>Hull</td></tr><tr><td>York</td><td>Bury</td></tr></table>'))).toMatchObject({ caption: 'Fixtures' });
    expect(tableOf(table('<table><tr><td>Leeds</td><td>3</td></tr><tr><td>Hull</td><td>1</td></tr></table>'))?.rows).toHaveLength(2);
    expect(tableOf(table('<table><tr><td>Leeds</td><td>Hull</td></tr><tr><td>York</td><td>Bury</td></tr></table>'))).toBeUndefined();
    expect(tableOf(table('<table><tr><th>Menu</th><td><ul><li>Home</li></ul></td></tr><tr><td>1</td><td>2</td></tr></table>'))).toBeUndefined();
    expect(tableOf(table('<table><tr><th>A</th><td><img src="x.jpg"></td></tr><tr><td>1</td><td>2</td></tr></table>'))).toBeUndefined();
    expect(tableOf(table('<table><tr><th>One cell</th></tr></table>'))).toBeUndefined();
  });

  it('puts a footer after the body wherever the source has it, and drops one that repeats the header', () => {
    const head = '<thead><tr><th>Pos</th><th>Player</th><th>Plays</th></tr></thead>';
    const body = '<tbody><tr><td>DL</td><td>Garrett</td><td>57</td></tr></tbody>';
    expect(tableOf(table(`<table>${head}<tfoot><tr><th>Pos</th><th>Player</th><th>Plays</th></tr></tfoot>${body}</table>`))?.rows)
      .toEqual([{ header: true, cells: ['Pos', 'Player', 'Plays'] }, { cells: ['DL', 'Garrett', '57'] }]);
    expect(tableOf(table(`<table>${head}<tfoot><tr><td>Total</td><td></td><td>57</td></tr></tfoot>${body}</table>`))?.rows?.at(-1))
      .toEqual({ cells: ['Total', '', '57'] });
  });

  it('keeps a layout table\'s prose as paragraphs', () => {
    const draft = draftOf(page(`<table><tr><td>${prose(4)}</td><td><ul><li>Home</li></ul></td></tr></table>`));
    expect(draft.paragraphs.filter((p) => p.startsWith('The county'))).toHaveLength(4);
    expect(draft.body?.some((b) => typeof b === 'object' && b.type === 'table') ?? false).toBe(false);
  });
});

describe('bad tables', () => {
  const rows = (n: number, cells: number, cell = (i: number) => String(i)) =>
    `<table>${Array.from({ length: n }, (_, r) => `<tr>${Array.from({ length: cells }, (_, c) => `<td>${cell(r * cells + c)}</td>`).join('')}</tr>`).join('')}</table>`;

  it('past the limits (rows, columns, cell length) are no TableBlock, and the page still goes in', () => {
    expect(tableOf(table(rows(INPUT_LIMITS.tableRows, 2)))?.rows).toHaveLength(INPUT_LIMITS.tableRows);
    expect(tableOf(table(rows(INPUT_LIMITS.tableRows + 1, 2)))).toBeUndefined();
    expect(tableOf(table(rows(2, INPUT_LIMITS.tableColumns + 1)))).toBeUndefined();
    expect(tableOf(table(rows(2, 2, (i) => (i === 3 ? 'x'.repeat(INPUT_LIMITS.tableCellLength + 1) : String(i)))))).toBeUndefined();
    const draft = draftOf(page(`${prose(6)}${rows(5000, 3)}`));
    expect(draft.paragraphs.slice(0, 6).every((p) => p.startsWith('The county'))).toBe(true);
    expect(JSON.stringify(draft.body ?? []).length).toBeLessThan(10_000);
  });

  it('unclosed cells and rows are read as the HTML parser closes them; cells nested in a stray table are the inner table\'s', () => {
    const t = table('<table><tr><th>Team<th>Pts<tr><td>Leeds<td>31<tr><td>Hull<td>28</table>');
    expect(tableOf(t)?.rows).toEqual([{ header: true, cells: ['Team', 'Pts'] }, { cells: ['Leeds', '31'] }, { cells: ['Hull', '28'] }]);
    const { document } = parseHTML('<!doctype html><html><body><table><tr><td><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table></td></tr></table></body></html>');
    expect(markTables(document.body)).toBe(1);
    expect(document.querySelectorAll('table')).toHaveLength(1);
  });
});
