import { LABELS, TARGETS, type PerOperationResults, type Target } from './report';

/**
 * The per-operation figures as an SVG chart: for each operation, one bar per target, CPU ms
 * per request on the left and req/s on the right, each panel on its own linear scale. Plain
 * SVG written here (a few rects and texts) so the chart needs no plotting dependency and
 * renders in any Markdown viewer; docs/performance.md shows the one `npm run
 * docs:performance` writes from the newest run.
 */
const COLORS: Record<Target, string> = {
  memo: '#1b9e77',
  compiled: '#d95f02',
  graphqlJs: '#e6ab02',
  apollo: '#7570b3',
  apolloCache: '#a6a0e0',
  floor: '#666666',
};
const BAR = 12;
const GAP = 14;
const LABEL_W = 130;
const PANEL_W = 330;
const TOP = 64;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function perOperationChart(results: PerOperationResults): string {
  const ops = results.operations;
  const group = TARGETS.length * BAR + GAP;
  const height = TOP + ops.length * group + 40;
  const width = LABEL_W + 2 * PANEL_W + 40;
  const panels = [
    { title: 'CPU ms per request (lower is better)', x: LABEL_W, pick: (t: Target, i: number) => ops[i]!.targets[t].cpuMsPerRequest, digits: 2 },
    { title: 'requests per second (higher is better)', x: LABEL_W + PANEL_W + 20, pick: (t: Target, i: number) => ops[i]!.targets[t].rps, digits: 0 },
  ];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="10">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="8" y="16" font-size="12" font-weight="bold">${escape(`Per operation, ${results.articles} articles (${results.startedAt})`)}</text>`,
  ];
  TARGETS.forEach((t, i) => {
    const [x, y] = [8 + (i % 3) * 240, 24 + Math.floor(i / 3) * 14];
    const label = t === 'compiled' && !results.compiler.present ? `${LABELS[t]} (absent: graphql-js)` : LABELS[t];
    parts.push(`<rect x="${x}" y="${y}" width="10" height="10" fill="${COLORS[t]}"/><text x="${x + 14}" y="${y + 9}">${escape(label)}</text>`);
  });
  for (const panel of panels) {
    const values = ops.flatMap((_, i) => TARGETS.map((t) => panel.pick(t, i))).filter(Number.isFinite);
    const max = Math.max(...values, 1e-9);
    const scale = (PANEL_W - 60) / max;
    parts.push(`<text x="${panel.x}" y="${TOP - 2}" font-weight="bold">${escape(panel.title)}</text>`);
    ops.forEach((op, i) => {
      const y0 = TOP + 4 + i * group;
      if (panel === panels[0]) parts.push(`<text x="8" y="${y0 + (TARGETS.length * BAR) / 2 + 4}">${escape(op.name)}</text>`);
      TARGETS.forEach((t, j) => {
        const value = panel.pick(t, i);
        const w = Number.isFinite(value) ? Math.max(1, value * scale) : 0;
        const y = y0 + j * BAR;
        parts.push(`<rect x="${panel.x}" y="${y}" width="${w.toFixed(1)}" height="${BAR - 2}" fill="${COLORS[t]}"/>`);
        parts.push(`<text x="${(panel.x + w + 3).toFixed(1)}" y="${y + BAR - 3}">${Number.isFinite(value) ? value.toFixed(panel.digits) : 'n/a'}</text>`);
      });
    });
  }
  parts.push('</svg>');
  return parts.join('\n');
}
