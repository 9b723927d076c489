/**
 * A Markdown (GitHub-flavoured) pipe table with padded columns, so that the benchmarks'
 * reports read as aligned tables in a terminal and render as tables in docs/performance.md.
 * Shared by `npm run bench`'s report (bench/report.ts) and the per-operation report
 * (bench/per-operation/report.ts); every cell is already a string.
 */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Two decimals, or `n/a` for a figure that could not be measured (NaN: no request in a slice). */
export const f2 = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');

/** A whole number with thousands separators, as the reports print counts and req/s. */
export const int = (n: number): string => Math.round(n).toLocaleString('en');
