/**
 * Cold p50 by corpus size, interleaved (the goal: cold p50 at 100k within 1.3x of 1k for every
 * operation), measured so that load on a shared machine falls on every size alike
 * (scripts/bench-cold-sizes.ts runs it).
 *
 * Uses the KV states `npm run bench -- --sizes ...` loaded (bench/.state/, found by the same
 * state key, or named with --state-keys when the build's sources changed since in ways that do
 * not change the data). One workerd per size runs at once; each round sends every operation
 * once to every size's `/__cold/graphql` route (a new worker, caches and all, per request: every
 * key read from KV), one request at a time, the sizes' order alternating from round to round.
 * `npm run bench`'s own cold figure is taken at 10 connections per size, one size after the
 * other, so queueing and the load of the moment enter it; this one is the latency of a single
 * cold request. Writes bench/results/cold-sizes-<time>.json (rendered into
 * docs/performance-figures.md by `npm run docs:performance`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { p50Column } from './cold-sizes-chart';
import { findState, stateKey } from './kv-state';
import { probe } from './measure';
import { OPERATIONS } from './operations';
import { bundleBenchWorker, startRuntime } from './runtime';

export interface ColdSizesOptions {
  sizes: number[];
  rounds: number;
  /** KV states by size, where the build's sources changed since in ways that do not change the data. */
  stateKeys: Map<string, string>;
}

type Sample = { ms: number; bytes: number; roundTrips: number };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function coldSizes({ sizes, rounds, stateKeys }: ColdSizesOptions, log: (message: string) => void) {
  const kvDirs = sizes.map((n) => {
    const key = stateKeys.get(String(n)) ?? stateKey(n);
    const state = findState(key);
    if (!state) throw new Error(`no KV state ${key} for ${n} articles: run \`npm run bench -- --sizes ${n}\` first, or name one with --state-keys`);
    return state.kvDir;
  });

  const bundle = await bundleBenchWorker();
  // Offsets 0-5 of BENCH_PORT_BASE are the bench's runtime, peer and search worker: start at 6.
  const runtimes = await Promise.all(kvDirs.map((dir, i) => startRuntime(bundle, dir, {}, 6 + 2 * i)));
  const samples = new Map<string, Sample[]>();
  const load = [loadavg()[0]!];
  try {
    for (let round = 0; round < rounds; round++) {
      for (const op of OPERATIONS) {
        const order = round % 2 ? [...runtimes.keys()].reverse() : [...runtimes.keys()];
        for (const i of order) {
          const start = performance.now();
          // probe fails on an HTTP or GraphQL error, so no error is ever timed.
          const { kv } = await probe(`${runtimes[i]!.url}/__cold/graphql`, op);
          const ms = performance.now() - start;
          const key = `${op.name}\t${sizes[i]}`;
          samples.set(key, [...(samples.get(key) ?? []), { ms, bytes: kv.bytes, roundTrips: kv.roundTrips }]);
        }
      }
      load.push(loadavg()[0]!);
      if ((round + 1) % 10 === 0) log(`round ${round + 1} of ${rounds}, load ${loadavg()[0]!.toFixed(1)}`);
    }
  } finally {
    await Promise.all(runtimes.map((r) => r.stop({ keep: true })));
  }

  const [smallest, largest] = [sizes[0]!, sizes.at(-1)!];
  const rows = OPERATIONS.map((op) => {
    const at = (n: number) => samples.get(`${op.name}\t${n}`)!;
    const p50 = (n: number) => median(at(n).map((s) => s.ms));
    return {
      operation: op.name,
      ...Object.fromEntries(sizes.map((n) => [p50Column(n), Number(p50(n).toFixed(1))])),
      [`${largest.toLocaleString('en')} / ${smallest.toLocaleString('en')} (budget 1.3)`]: Number((p50(largest) / p50(smallest)).toFixed(2)),
      'KV bytes': sizes.map((n) => at(n)[0]!.bytes).join(' -> '),
      'round trips': sizes.map((n) => at(n)[0]!.roundTrips).join(' -> '),
    };
  });
  const loadAverage = `${Math.min(...load).toFixed(1)}-${Math.max(...load).toFixed(1)}`;
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/cold-sizes-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ loadAverage, rounds, sizes, rows }, null, 2));
  return { rows, loadAverage, file };
}
