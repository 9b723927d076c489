import { f2, table } from '../markdown-table';
import type { AbFigures } from './ab';

/** One A/B run as `npm run bench:ab` writes it to bench/results/ab-<time>.json. */
export interface AbResults {
  startedAt: string;
  machine: { cpus: number; loadBefore: number[]; loadAfter: number[] };
  a: { dir: string; commit: string };
  b: { dir: string; commit: string };
  seconds: number;
  operations: AbFigures[];
}

const range = (quartiles: [number, number] | undefined) => (quartiles ? `${f2(quartiles[0])}-${f2(quartiles[1])}` : 'n/a');

/** The A/B table: CPU ms per request of each build and the within-round ratio B/A with its quartiles. */
export function abReport(results: AbResults, chart: string): string {
  const rows = results.operations.map((o) => [
    o.operation + (o.sameAnswer ? '' : ' *'),
    f2(o.cpuMsPerRequest.a.memo),
    f2(o.cpuMsPerRequest.b.memo),
    `${f2(o.ratio.memo)} (${range(o.spread?.memo)})`,
    f2(o.cpuMsPerRequest.a.compiled),
    f2(o.cpuMsPerRequest.b.compiled),
    `${f2(o.ratio.compiled)} (${range(o.spread?.compiled)})`,
  ]);
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  return [
    `### A/B per operation: ${results.a.commit} (A) against ${results.b.commit} (B)`,
    '',
    `One interleaved run (${results.seconds} counted rounds of ABBA one-second slices), ${results.startedAt}, ${results.machine.cpus} cores, load ${load(results.machine.loadBefore)} before and ${load(results.machine.loadAfter)} after. CPU ms per request of each build's workerd; B/A is the median over rounds of the ratio of two slices measured back to back (below 1: B spends less), with the rounds' 25th-75th percentiles.`,
    '',
    table(['operation', 'memo A', 'memo B', 'memo B/A', 'compiled A', 'compiled B', 'compiled B/A'], rows),
    '',
    ...(results.operations.some((o) => !o.sameAnswer) ? ['\\* A and B answer with different values (each build reads the data its own build wrote).', ''] : []),
    `![B/A per operation](${chart})`,
  ].join('\n');
}

/** The ratios as an SVG bar chart around 1.0 (plain SVG: no plotting dependency). */
export function abChart(results: AbResults): string {
  const ops = results.operations;
  const [labelW, barW, row] = [150, 360, 30];
  const height = 50 + ops.length * row;
  const max = Math.max(2, ...ops.flatMap((o) => [o.ratio.memo, o.ratio.compiled]).filter(Number.isFinite));
  const x = (r: number) => labelW + (Math.min(r, max) / max) * barW;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 60}" height="${height}" font-family="sans-serif" font-size="10">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="8" y="14" font-size="12" font-weight="bold">CPU per request, B/A (${results.b.commit} over ${results.a.commit}); green memo, orange compiled</text>`,
    `<line x1="${x(1)}" y1="22" x2="${x(1)}" y2="${height - 8}" stroke="#000" stroke-dasharray="3,3"/>`,
    `<text x="${x(1) + 3}" y="30">1.0</text>`,
  ];
  ops.forEach((o, i) => {
    const y = 36 + i * row;
    parts.push(`<text x="8" y="${y + 14}">${o.operation}</text>`);
    for (const [j, [target, color]] of ([['memo', '#1b9e77'], ['compiled', '#d95f02']] as const).entries()) {
      const r = o.ratio[target];
      const w = Number.isFinite(r) ? Math.max(1, x(r) - labelW) : 0;
      parts.push(`<rect x="${labelW}" y="${y + j * 12}" width="${w.toFixed(1)}" height="10" fill="${color}"/>`);
      parts.push(`<text x="${(labelW + w + 3).toFixed(1)}" y="${y + j * 12 + 9}">${f2(r)}</text>`);
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}
