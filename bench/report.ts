import type { SizeFigures, BenchResults, OperationFigures } from './bench-results';
import type { LoadFigures } from './measure';
import { peerTables } from './peer/report';
import { budgetLines } from './budgets';
import { int, table } from './markdown-table';

/**
 * The tables of one `npm run bench` run, as it prints them and docs/performance.md shows them;
 * the figures' shapes are bench-results.ts's, the budgets budgets.ts's.
 */
export type { BenchResults, HeapPhase, OperationFigures, SizeFigures } from './bench-results';
export { BUDGETS, budgetLines } from './budgets';

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
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
