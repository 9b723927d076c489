import type { KvStats } from '../src/store/kv-stats-header';
import type { HeapUsage } from './isolate-heap';
import type { LoadFigures } from './measure';
import type { SoakFigures } from './soak';
import type { StaticFigures } from './static-figures';
import type { PeerOperationFigures } from './peer/compare';
import { peerTables } from './peer/report';
import { table } from '../tools/perf/markdown-table';

export { table };

/** What one bench run found; written as JSON to bench/results/ and printed as tables. */
export interface OperationFigures {
  name: string;
  responseBytes: number;
  kvCold: KvStats;
  kvWarm: KvStats;
  cold: LoadFigures;
  warm: LoadFigures;
  /** Warm isolate, but every request distinct, so executed (no response-memo hit). */
  warmExecuted: LoadFigures;
  floorKv: LoadFigures;
  floorMemory: LoadFigures;
}

export interface SizeFigures {
  articles: number;
  keys: number;
  bytes: number;
  version: string;
  buildMs: number;
  buildMaxRssMb: number;
  /** Peak RSS of the whole build-and-load process (the entries are built again as loaded). */
  maxRssMb?: number;
  loadMs: number;
  /** The largest stored value, by key within the version. */
  largestValue?: { key: string; bytes: number };
  operations: OperationFigures[];
  /** The Apollo peer beside the worker (bench/peer/); absent with --skip-peer. */
  peer?: PeerOperationFigures[];
  /** The isolate's heap after each phase (bench/isolate-heap.ts). */
  heap: HeapPhase[];
  /** The highest total heap read during the whole size's run (every 500 ms, and per phase). */
  peakTotalMiB: number;
  soak?: SoakFigures;
}

export interface HeapPhase extends HeapUsage {
  phase: string;
}

export interface BenchResults {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; freeGiB?: number; node: string; loadAverage: number[] };
  /** `vars`: wrangler vars given with --var; `onlySoak`: --only soak (no latency tables). */
  settings: { connections: number; seconds: number; vars?: Record<string, string>; onlySoak?: boolean };
  static: StaticFigures;
  sizes: SizeFigures[];
}

/** The budgets of issue 6. */
export const BUDGETS = {
  warmOverKvFloor: 1.5,
  roundTripsCold: 2,
  roundTripsWarm: 0,
  bundleGzipKiB: 150,
  startupMs: 60,
  p50LargestOverSmallest: 1.3,
  /** Issue 16: the isolate's total V8 heap, 75% of Workers' 128 MB (docs/memory.md). */
  heapTotalMiB: 96,
};

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const int = (n: number) => Math.round(n).toLocaleString('en');
const kib = (n: number) => `${(n / 1024).toFixed(1)}K`;

const latency = (l: LoadFigures) => `${f1(l.p50)} / ${f1(l.p99)} (${int(l.rps)})`;

export function sizeTable(size: SizeFigures): string {
  const title =
    `### ${int(size.articles)} articles: ${int(size.keys)} keys, ${f1(size.bytes / 2 ** 20)} MiB; ` +
    `build ${f1(size.buildMs / 1000)} s, peak RSS ${int(size.buildMaxRssMb)} MB; KV load ${f1(size.loadMs / 1000)} s`;
  const rows = size.operations.map((op) => [
    op.name,
    kib(op.responseBytes),
    latency(op.cold),
    latency(op.warm),
    latency(op.warmExecuted),
    latency(op.floorKv),
    latency(op.floorMemory),
    `${f2(op.warm.p50 / op.floorKv.p50)}x`,
    `${f2(op.warmExecuted.p50 / op.floorKv.p50)}x`,
    `${op.kvCold.roundTrips} / ${op.kvWarm.roundTrips}`,
    `${op.kvCold.keys} / ${op.kvWarm.keys}`,
    `${kib(op.kvCold.bytes)} / ${kib(op.kvWarm.bytes)}`,
    String([op.cold, op.warm, op.warmExecuted, op.floorKv, op.floorMemory].reduce((n, l) => n + l.failures, 0)),
  ]);
  return [
    title,
    table(
      ['operation', 'response', 'cold p50 / p99 (rps)', 'warm', 'warm, executed', 'KV floor', 'memory floor',
        'warm / KV floor', 'executed / KV floor', 'KV trips cold / warm', 'KV keys cold / warm', 'KV bytes cold / warm', 'errors'],
      rows,
    ),
  ].join('\n\n');
}

/** The isolate's heap after each phase, and the soak's figures. */
export function heapTable(size: SizeFigures): string {
  const rows = size.heap.map((h) => [h.phase, f1(h.usedMiB), f1(h.totalMiB)]);
  const s = size.soak;
  const soakLines = s
    ? [
        `Soak: ${int(s.requests)} requests (${Object.entries(s.byKind).map(([k, n]) => `${int(n)} ${k}`).join(', ')}) in ${f1(s.seconds)} s, ` +
          `${s.failures} failed; heap used ${f1(s.before.usedMiB)} -> ${f1(s.after.usedMiB)} MiB (peak ${f1(s.peakUsedMiB)}), ` +
          `total ${f1(s.before.totalMiB)} -> ${f1(s.after.totalMiB)} MiB (peak ${f1(s.peakTotalMiB)}), ${s.samples} readings`,
        `Caches at the end of the soak: ${JSON.stringify(s.caches)}`,
      ]
    : [];
  return [
    `#### Isolate heap at ${int(size.articles)} articles (MiB; peak total over the run ${f1(size.peakTotalMiB)})`,
    table(['after phase', 'used', 'total'], rows),
    ...soakLines,
  ].join('\n\n');
}

/** How each operation's figures grow from the smallest corpus to each larger one. */
export function growthTable(sizes: SizeFigures[]): string {
  const names = sizes[0]!.operations.map((o) => o.name);
  const rows = names.flatMap((name) => {
    const ops = sizes.map((s) => s.operations.find((o) => o.name === name)!);
    const base = ops[0]!;
    const cell = (pick: (o: OperationFigures) => number) =>
      ops.map((o, i) => (i === 0 ? f2(pick(o)) : `${f2(pick(o))} (${f2(pick(o) / pick(base))}x)`)).join(' -> ');
    return [
      [name, 'warm p50 ms', cell((o) => o.warm!.p50)],
      [name, 'warm, executed p50 ms', cell((o) => o.warmExecuted!.p50)],
      [name, 'cold p50 ms', cell((o) => o.cold!.p50)],
      [name, 'KV bytes cold', ops.map((o) => kib(o.kvCold!.bytes)).join(' -> ')],
    ];
  });
  const header = ['operation', 'figure', sizes.map((s) => int(s.articles)).join(' -> ')];
  return `### Growth with corpus size\n\n${table(header, rows)}`;
}

/** Every budget, met or missed, with the figure that decides it. */
export function budgetLines(results: BenchResults): string[] {
  const lines: string[] = [];
  const verdict = (ok: boolean) => (ok ? 'met   ' : 'MISSED');
  const { bundleGzipKiB, startupMs } = results.static;
  lines.push(`${verdict(bundleGzipKiB <= BUDGETS.bundleGzipKiB)} bundle ${bundleGzipKiB} KiB gzip (budget ${BUDGETS.bundleGzipKiB})`);
  lines.push(`${verdict(startupMs <= BUDGETS.startupMs)} start-up ${f1(startupMs)} ms (budget ${BUDGETS.startupMs}; runs ${results.static.startupRunsMs.map(f1).join(', ')})`);
  for (const size of results.sizes) {
    for (const op of size.operations) {
      const at = `${op.name} @ ${int(size.articles)}`;
      const ratio = op.warm!.p50 / op.floorKv!.p50;
      lines.push(`${verdict(ratio <= BUDGETS.warmOverKvFloor)} ${at}: warm p50 ${f2(ratio)}x the KV floor (budget ${BUDGETS.warmOverKvFloor}x)`);
      const trips = op.kvCold!.roundTrips <= BUDGETS.roundTripsCold && op.kvWarm!.roundTrips <= BUDGETS.roundTripsWarm;
      lines.push(`${verdict(trips)} ${at}: KV round trips ${op.kvCold!.roundTrips} cold, ${op.kvWarm!.roundTrips} warm (budget ${BUDGETS.roundTripsCold} / ${BUDGETS.roundTripsWarm})`);
    }
  }
  for (const size of results.sizes) {
    const at = `@ ${int(size.articles)}`;
    // Informational: the latency phases' cold figures make a new worker (yoga instance,
    // caches) per request on the bench-only /__cold route, which production never does; the
    // budget is judged on the soak, production-shaped traffic through one warm worker.
    lines.push(`info   isolate heap ${at}: peak total ${f1(size.peakTotalMiB)} MiB over the whole run, cold-route phases included`);
    if (size.soak) {
      lines.push(`${verdict(size.soak.peakTotalMiB <= BUDGETS.heapTotalMiB)} soak ${at}: peak total heap ${f1(size.soak.peakTotalMiB)} MiB (budget ${BUDGETS.heapTotalMiB} MiB)`);
      lines.push(`${verdict(size.soak.failures === 0)} soak ${at}: ${size.soak.failures} wrong answers of ${int(size.soak.requests)}`);
    }
  }
  const [small, large] = [results.sizes[0]!, results.sizes.at(-1)!];
  if (results.sizes.length > 1) {
    for (const op of large.operations) {
      const base = small.operations.find((o) => o.name === op.name)!;
      for (const mode of ['warm', 'cold'] as const) {
        if (op[mode]!.requests === 0 || base[mode]!.requests === 0) {
          // No request finished inside the slices: a latency of 0 would read as a pass.
          lines.push(`MISSED ${op.name}: ${mode} p50 not measured (no request completed in a slice)`);
          continue;
        }
        const growth = op[mode]!.p50 / base[mode]!.p50;
        // The same growth measured against the KV floor of the same size, which takes out
        // drift of the machine itself (other load, the runtime) between the two sizes.
        const floorGrowth = growth / (op.floorKv!.p50 / base.floorKv!.p50);
        lines.push(
          `${verdict(growth <= BUDGETS.p50LargestOverSmallest)} ${op.name}: ${mode} p50 at ${int(large.articles)} is ${f2(growth)}x ` +
            `that at ${int(small.articles)} (budget ${BUDGETS.p50LargestOverSmallest}x; ${f2(floorGrowth)}x relative to the KV floor)`,
        );
      }
    }
  }
  return lines;
}

/** The whole report of one run, as `npm run bench` prints it and docs/performance.md shows it. */
export function runReport(results: BenchResults): string {
  const { machine, settings, static: statics } = results;
  const free = machine.freeGiB === undefined ? '' : ` (${machine.freeGiB} free)`;
  return [
    `## npm run bench (${results.startedAt})`,
    `${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGiB} GiB${free}, Node ${machine.node}, ` +
      `load average ${machine.loadAverage.map((l) => l.toFixed(2)).join(' ')}; ` +
      `autocannon ${settings.connections} connections x ${settings.seconds} s per figure; latencies in ms`,
    ...(settings.vars && Object.keys(settings.vars).length > 0
      ? [`vars over wrangler.toml: ${Object.entries(settings.vars).map(([k, v]) => `${k}=${v}`).join(' ')}`]
      : []),
    `bundle ${statics.bundleKiB} KiB minified, ${statics.bundleGzipKiB} KiB gzip; start-up ${statics.startupMs.toFixed(1)} ms`,
    ...results.sizes.map((size) => [settings.onlySoak ? heapTable(size) : `${sizeTable(size)}\n\n${heapTable(size)}`, ...(size.peer ? [peerTables(size.articles, size.peer)] : [])].join('\n\n')),
    ...(results.sizes.length > 1 && !settings.onlySoak ? [growthTable(results.sizes)] : []),
    `### Budgets\n\n${budgetLines(results).map((l) => `    ${l}`).join('\n')}`,
  ].join('\n\n');
}
