/**
 * bench/cold-sizes.ts's figures as an SVG chart: for each operation, one bar per corpus size,
 * the cold p50 in ms on one linear scale, with the largest size's ratio to the smallest beside
 * it. Plain SVG, as per-operation-chart.ts draws, so it needs no plotting dependency.
 */
export interface ColdSizesResults {
  loadAverage: string;
  rounds: number;
  sizes: number[];
  rows: Array<Record<string, string | number>>;
}

const COLORS = ['#1b9e77', '#d95f02', '#7570b3', '#e6ab02'];
const BAR = 14;
const GAP = 12;
const LABEL_W = 130;
const PLOT_W = 420;
const TOP = 48;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** The column bench/cold-sizes.ts writes a size's p50 under. */
export const p50Column = (size: number) => `cold p50 ms @ ${size.toLocaleString('en')}`;

export function coldSizesChart(results: ColdSizesResults, title: string): string {
  const { sizes, rows } = results;
  const group = sizes.length * BAR + GAP;
  const height = TOP + rows.length * group + 20;
  const width = LABEL_W + PLOT_W + 120;
  const max = Math.max(...rows.flatMap((r) => sizes.map((n) => Number(r[p50Column(n)]))), 1e-9);
  const scale = PLOT_W / max;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="10">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="8" y="16" font-size="12" font-weight="bold">${escape(title)}</text>`,
  ];
  sizes.forEach((n, i) => {
    const x = 8 + i * 160;
    parts.push(`<rect x="${x}" y="24" width="10" height="10" fill="${COLORS[i % COLORS.length]}"/><text x="${x + 14}" y="33">${escape(`${n.toLocaleString('en')} articles, cold p50 ms`)}</text>`);
  });
  rows.forEach((row, i) => {
    const y0 = TOP + i * group;
    const ratio = Number(Object.entries(row).find(([k]) => k.includes('budget'))?.[1]);
    parts.push(`<text x="8" y="${y0 + (sizes.length * BAR) / 2 + 4}">${escape(String(row.operation))}</text>`);
    sizes.forEach((n, j) => {
      const value = Number(row[p50Column(n)]);
      const w = Math.max(1, value * scale);
      const y = y0 + j * BAR;
      parts.push(`<rect x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR - 2}" fill="${COLORS[j % COLORS.length]}"/>`);
      parts.push(`<text x="${(LABEL_W + w + 3).toFixed(1)}" y="${y + BAR - 3}">${value.toFixed(1)}${j === sizes.length - 1 && Number.isFinite(ratio) ? ` (${ratio.toFixed(2)}x)` : ''}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('\n');
}
