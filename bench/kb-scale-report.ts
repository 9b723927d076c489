import type { KvStats } from '../src/store/kv-stats-header';
import { table as markdownTable } from './markdown-table';

/** The figures of one `npm run bench:kb` run (bench/kb-scale.ts) and the doc's table of them. */

export interface KbScaleRequest {
  name: string;
  responseBytes: number;
  kvCold: KvStats;
  kvWarm: KvStats;
  coldP50Ms: number;
}

export interface KbScaleRow {
  entities: number;
  articles: number;
  linker: { kbEntities: number; aliasKeys: number; dictionaryMiB: number; buildMs: number; stories: number; mentions: number; storiesPerSecond: number; maxRssMb: number };
  /** Absent where only the linker was measured (--worker-max). */
  build?: { keys: number; loadedKeys: number; bytes: number; buildMs: number; buildMaxRssMb: number; loadMs: number; largestValue: { key: string; bytes: number } };
  requests?: KbScaleRequest[];
}

export interface KbScaleResults {
  startedAt: string;
  loadAverage: string;
  rows: KbScaleRow[];
  /** The run that measured the rows of these sizes (bench:kb --with). */
  earlier?: { startedAt: string; loadAverage: string; entities: number[] };
}

const kv = (s: KvStats) => `${s.roundTrips} / ${s.keys} / ${s.bytes}`;
const s = (ms: number) => (ms / 1000).toFixed(0);

export function kbScaleSection(r: KbScaleResults): string {
  const linker = markdownTable(
    ['KB entities', 'alias keys', 'dictionary heap (MiB)', 'dictionary built (s)', 'stories/s', 'judged texts: stories / mentions', 'build (s)', 'build peak RSS (MB)', 'KV keys (loaded)', 'KV bytes', 'largest value', 'load (s)'],
    r.rows.map((x) => [
      x.linker.kbEntities, x.linker.aliasKeys, x.linker.dictionaryMiB, s(x.linker.buildMs), x.linker.storiesPerSecond, `${x.linker.stories} / ${x.linker.mentions}`,
      ...(x.build
        ? [s(x.build.buildMs), Math.round(x.build.buildMaxRssMb), `${x.build.keys} (${x.build.loadedKeys})`, x.build.bytes, `${x.build.largestValue.key} (${x.build.largestValue.bytes} B)`, s(x.build.loadMs)]
        : ['-', '-', '-', '-', '-', '-']),
    ].map(String)),
  );
  const requests = markdownTable(
    ['KB entities', 'request', 'cold: round trips / keys / bytes', 'warm: round trips / keys / bytes', 'response bytes', 'cold p50 (ms)'],
    r.rows.flatMap((x) => (x.requests ?? []).map((q) => [String(x.linker.kbEntities), q.name, kv(q.kvCold), kv(q.kvWarm), String(q.responseBytes), String(q.coldP50Ms)])),
  );
  const e = r.earlier;
  const from = e ? ` The rows of ${e.entities.join(', ')} entities are from the run of ${e.startedAt.slice(0, 16)} UTC, load average ${e.loadAverage}.` : '';
  return [`Run ${r.startedAt.slice(0, 16)} UTC, ${r.rows[0]?.articles ?? 0} generated articles, load average ${r.loadAverage} (times are this shared machine's).${from}`, '', linker, '', requests].join('\n');
}
