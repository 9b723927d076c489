/**
 * The sync day (bench/newsroom/sync-day.ts) as the figures doc shows it: per return, the
 * requests an app makes at the largest page the query cost allows, and what it downloads
 * against the changed records alone, with the shipped Changes operation and with feed cards.
 */
export interface SyncDaySide {
  requests: number;
  page: number;
  bytes: number;
  recordBytes: number;
  gzipBytes: number;
  recordGzipBytes: number;
}

export interface SyncDayReturn extends SyncDaySide {
  away: string;
  changes: number;
  refresh: boolean;
  /** The rest of the answer (dataVersion) answered beside SYNC_VERSION_TOO_OLD. */
  othersAnswered: boolean;
  card: SyncDaySide;
  /** The Changes operation at `SyncDayResults.before`, as it was sent. */
  before?: SyncDaySide;
}

export interface SyncDayResults {
  kind: 'sync-day';
  startedAt: string;
  articles: number;
  publishes: number;
  keepPublishes: number;
  loadAverage: string;
  publishMs: number[];
  keys: number[];
  returns: SyncDayReturn[];
  /** The git revision whose Changes operation `before` measured. */
  before?: string;
}

export const SYNC_DAY_HEADING = '## npm run bench -- --newsroom --sync';

const ratio = (n: number, of: number) => (of === 0 ? '-' : (n / of).toFixed(2));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const side = (s: SyncDaySide, refresh: boolean) =>
  refresh ? `${s.requests} (of ${s.page}) | - | - ` : `${s.requests} (of ${s.page}) | ${s.bytes.toLocaleString('en')} / ${s.recordBytes.toLocaleString('en')} = ${ratio(s.bytes, s.recordBytes)} | ${ratio(s.gzipBytes, s.recordGzipBytes)} `;

export function syncDayReport(r: SyncDayResults): string {
  const stamp = r.startedAt.replace(/[:.]/g, '-');
  return [
    `${SYNC_DAY_HEADING} (${stamp}, load average ${r.loadAverage})`,
    '',
    `A desk's day of ${r.publishes.toLocaleString('en')} publishes on ${r.articles.toLocaleString('en')} articles (stories added at their times, corrections, withdrawals, renames), after two publishes 8 days before it; ` +
      `each step of the sync log dated by the day's clock, the clean-up keeping 7 days (and, in this run, the last ${r.keepPublishes} publishes, so the 7 days decide). ` +
      `Publishes: median ${median(r.publishMs)} ms and ${median(r.keys)} keys each. One client returns to the last version from each absence and catches up at the largest page the query cost allows; ` +
      'the shipped Changes operation is sent as an app sends it (its own page size), the cards at the largest page the query cost allows' +
      (r.before ? `, and "before" is the Changes operation at ${r.before}, as it was sent. ` : '. ') +
      'Bytes are the whole answers against the same node selection of the same nodes fetched alone by `nodes(ids:)` (JSON, then gzipped); "cards" asks each story as the feed\'s card (LatestArticles\' node selection) in both.',
    '',
    `| client away | changes | told to refresh (other fields answered) | requests (page) | bytes / changed records' bytes | gzipped | cards: requests (page) | cards: bytes / records | gzipped |${r.before ? ' before: requests (page) | before: bytes / records | gzipped |' : ''}`,
    `|---|---|---|---|---|---|---|---|---|${r.before ? '---|---|---|' : ''}`,
    ...r.returns.map((x) => `| ${x.away}${/^\d+$/.test(x.away) ? ' publishes' : ''} | ${x.changes} | ${x.refresh ? `yes (${x.othersAnswered ? 'yes' : 'no'})` : 'no'} | ${side(x, x.refresh)}| ${side(x.card, x.refresh)}|${x.before ? ` ${side(x.before, x.refresh)}|` : ''}`),
  ].join('\n');
}
