/**
 * The newsroom's day (bench/newsroom/newsroom.ts) as the figures doc shows it: a table against
 * the goals of a live desk, per kind of publish and for the day, and a chart of the share of
 * unchanged screens answered kept, hour by hour.
 */
import type { DeskKind } from './day-plan';
import type { ReaderTally } from './readers';
import type { SyncReturn } from './sync-clients';
import type { LevelOneDay } from './level-one-growth';
import { levelOneSection } from './level-one-report';

export interface NewsroomResults {
  kind: 'newsroom';
  startedAt: string;
  articles: number;
  publishes: number;
  requestsPerPublish: number;
  loadAverage: string;
  day: ReaderTally;
  byKind: Partial<Record<DeskKind, ReaderTally>>;
  byHour: ReaderTally[];
  desk: Array<{ kind: DeskKind; at: string; keysWritten: number; bytesWritten?: number; ms: number; compacted: boolean; folded?: boolean }>;
  returns: SyncReturn[];
  heapPeakMiB: number;
  /** The loaded corpus's keys and bytes (a base). */
  corpus?: { keys: number; bytes: number };
  /** Level 1 over the day (level-one-growth.ts). */
  levelOne?: LevelOneDay;
}

/** The section's heading, without its time stamp: where a new run's section replaces the last one's. */
export const NEWSROOM_HEADING = '## npm run bench -- --newsroom';

const pct = (n: number, of: number) => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`);
const per = (n: number, of: number) => (of === 0 ? '-' : (n / of).toFixed(2));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function tallyRow(name: string, t: ReaderTally): string {
  return `| ${name} | ${t.requests} | ${t.wrong} | ${pct(t.untouchedHits, t.untouched)} (${t.untouchedHits} / ${t.untouched}) | ${pct(t.untouchedSearchHits, t.untouchedSearch)} (${t.untouchedSearchHits} / ${t.untouchedSearch}) | ${pct(t.hits, t.requests)} | ${per(t.kvKeys, t.requests)} | ${per(t.kvRoundTrips, t.requests)} | ${t.behind} |`;
}

export function newsroomReport(r: NewsroomResults, chart: string): string {
  const stamp = r.startedAt.replace(/[:.]/g, '-');
  const publishesOf = (kind: DeskKind) => r.desk.filter((d) => d.kind === kind).length;
  const syncRows = [...new Set(r.returns.map((x) => x.away))].sort((a, b) => a - b).map((away) => {
    const xs = r.returns.filter((x) => x.away === away);
    const sum = (f: (x: SyncReturn) => number) => xs.reduce((n, x) => n + f(x), 0);
    const card = (f: (s: NonNullable<SyncReturn['card']>) => number) => sum((x) => (x.card ? f(x.card) : 0));
    return `| ${away} | ${xs.length} | ${xs.filter((x) => x.refresh).length} | ${Math.round(sum((x) => x.changes) / xs.length)} | ${Math.max(...xs.map((x) => x.requests))} | ${per(sum((x) => x.bytes), sum((x) => x.recordBytes))} | ${per(sum((x) => x.gzipBytes ?? 0), sum((x) => x.recordGzipBytes ?? 0))} | ${per(card((s) => s.bytes), card((s) => s.recordBytes))} | ${per(card((s) => s.gzipBytes), card((s) => s.recordGzipBytes))} |`;
  });
  return [
    `${NEWSROOM_HEADING} (${stamp}, load average ${r.loadAverage})`,
    '',
    `A day of ${r.publishes} publishes on ${r.articles.toLocaleString('en')} articles, ${r.requestsPerPublish} screens asked after each, half by GET (edge cache) and half by POST (memo), ` +
      'each compared with a fresh execution at its version. "Kept" counts requests for a screen asked before at an older version whose answer did not change, answered from the memo or the edge cache; ' +
      'searches and type-ahead apart, since any publish that changes articles changes the search index they read.',
    '',
    '| after a publish of kind | requests | wrong or stale | unchanged screens kept | unchanged searches kept | all hits | KV keys / request | KV round trips / request | not yet on the newest version |\n|---|---|---|---|---|---|---|---|---|',
    ...(['add', 'correct', 'withdraw', 'rename'] as const).flatMap((k) => (r.byKind[k] ? [tallyRow(`${k} (${publishesOf(k)})`, r.byKind[k]!)] : [])),
    tallyRow('the day', r.day),
    '',
    `Unchanged screens answered anew over the day, by operation: ${Object.entries(r.day.missedBy ?? {}).sort(([, a], [, b]) => b - a).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}.`,
    '',
    ...(Object.keys(r.day.missedWhy ?? {}).length === 0 ? [] : [`Why (what the warm worker kept for the request just before it was sent: \`absent\` evicted or never kept, \`changed\` a key it read written since, with the keys' families): ${Object.entries(r.day.missedWhy ?? {}).sort(([, a], [, b]) => b - a).map(([k, n]) => `${k} ${n}`).join(', ')}.`, '']),
    `Publishes: median ${median(r.desk.map((d) => d.keysWritten))} keys and ${median(r.desk.map((d) => d.ms))} ms each (build and write, pointer switch included), ` +
      `${r.desk.filter((d) => d.folded).length} folding the chain into level 1, ${r.desk.filter((d) => d.compacted).length} written as a new base. Serving isolate's heap at most ${r.heapPeakMiB} MiB (total V8 reserved, read after each publish's requests; the fresh executions that check answers run in a second workerd).`,
    '',
    'Sync bytes: what the client downloads over all its pages of the shipped Changes operation (each change: its id and nodeId, and the node\'s type, id, slug, headline or name, date; pages of 500, the operation\'s own), against the same node selection of the same nodes fetched alone by `nodes(ids:)`; as JSON and gzipped (what a client sending Accept-Encoding: gzip receives); then the same with each story as the feed\'s card (LatestArticles\' node selection) in both.',
    '',
    '| sync client away (publishes) | returns | told to refresh | changes (mean) | requests (max) | bytes / changed records\' bytes | gzipped | with feed cards | gzipped |\n|---|---|---|---|---|---|---|---|---|',
    ...syncRows,
    '',
    ...levelOneSection(r),
    `![unchanged screens kept, by hour](${chart})`,
  ].join('\n');
}

/** Per hour of the day: the share of unchanged screens answered kept, and of all requests answered from a cache. */
export function newsroomChart(r: NewsroomResults): string {
  const W = 24;
  const H = 160;
  const left = 40;
  const top = 40;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + 24 * (2 * W + 6) + 20}" height="${top + H + 40}" font-family="sans-serif" font-size="10">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="8" y="16" font-size="12" font-weight="bold">Newsroom day, ${r.articles.toLocaleString('en')} articles: answers kept by hour (UTC)</text>`,
    `<rect x="8" y="24" width="10" height="10" fill="#1b9e77"/><text x="22" y="33">unchanged screens kept</text>`,
    `<rect x="160" y="24" width="10" height="10" fill="#7570b3"/><text x="174" y="33">all requests from a cache</text>`,
    `<line x1="${left}" y1="${top + H}" x2="${left + 24 * (2 * W + 6)}" y2="${top + H}" stroke="#999"/>`,
    `<text x="4" y="${top + 4}">100%</text><text x="10" y="${top + H}">0%</text>`,
  ];
  r.byHour.forEach((t, h) => {
    const x = left + h * (2 * W + 6);
    const bars: Array<[number, string]> = [[t.untouched ? t.untouchedHits / t.untouched : 0, '#1b9e77'], [t.requests ? t.hits / t.requests : 0, '#7570b3']];
    bars.forEach(([share, color], b) => parts.push(`<rect x="${x + b * W}" y="${(top + H - share * H).toFixed(1)}" width="${W - 2}" height="${(share * H).toFixed(1)}" fill="${color}"/>`));
    parts.push(`<text x="${x + W - 6}" y="${top + H + 14}">${String(h).padStart(2, '0')}</text>`);
    if (t.requests === 0) parts.push(`<text x="${x + 4}" y="${top + H - 4}" fill="#999">none</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
