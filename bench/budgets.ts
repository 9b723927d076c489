import type { BenchResults } from './bench-results';
import { int } from './markdown-table';

/** The speed and memory budgets the bench reports as met or missed (docs/performance.md). */
export const BUDGETS = {
  warmOverKvFloor: 1.5,
  roundTripsCold: 2,
  roundTripsWarm: 0,
  bundleGzipKiB: 150,
  startupMs: 60,
  p50LargestOverSmallest: 1.3,
  /** The isolate's total V8 heap, 75% of Workers' 128 MB (docs/memory.md). */
  heapTotalMiB: 96,
};

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

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
