/**
 * Cold search, interleaved: the ratio of a common word's cold search to a rare word's, on one
 * or more search-bench KV stores, from one run in which every sample alternates store and
 * query (so load on a shared machine falls on all of them alike).
 *
 *   npm run bench:search-cold -- [--stores before=../old/.wrangler/bench-search,after=.wrangler/bench-search
 *                                  --queries 'पुतिन,सराहना' --rounds 15]
 *
 * A store is what `npm run bench:search` left under .wrangler/bench-search (it keeps the last
 * size it ran). Each sample is a freshly started worker (bench/search-worker.ts) that has served
 * only a `dataVersion` request, then one search: every search key read from KV. The worker is
 * this clone's, so an older store measures the older stored format read by today's code.
 * Prints and writes bench/results/cold-search-<time>.json: per store and query the median cold
 * ms, bytes and round trips, each query's median over the first query's (common over rare)
 * and over the same query's on the first store (a larger corpus over a smaller one), with the
 * load average beside them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { PERSIST, startWorker, timedQuery, warmUp } from './search-worker';

/** Runs `npm run bench:search-cold` with its command-line arguments (scripts/bench-search-cold.ts is the entry point). */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args,
    options: {
      stores: { type: 'string', default: `current=${PERSIST}` },
      queries: { type: 'string', default: 'सराहना,पुतिन' },
      rounds: { type: 'string', default: '11' },
    },
  });
  const stores = values.stores!.split(',').map((s) => s.split('=') as [string, string]);
  const queries = values.queries!.split(',');
  const rounds = Number(values.rounds);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  const load = [loadavg()[0]!];
  const samples = new Map<string, Array<Awaited<ReturnType<typeof timedQuery>>>>();
  for (let round = 0; round < rounds; round++) {
    for (const [label, dir] of stores) {
      for (const q of round % 2 ? [...queries].reverse() : queries) {
        const worker = await startWorker(dir);
        try {
          await warmUp(worker);
          const sample = await timedQuery(worker, q);
          samples.set(`${label}\t${q}`, [...(samples.get(`${label}\t${q}`) ?? []), sample]);
        } finally {
          await worker.stop();
        }
      }
    }
    load.push(loadavg()[0]!);
    console.log(`round ${round + 1} of ${rounds} (load ${load.at(-1)!.toFixed(1)})`);
  }

  const medianOf = (label: string, q: string) => median(samples.get(`${label}\t${q}`)!.map((s) => s.ms));
  const rows = stores.flatMap(([label]) => {
    const base = medianOf(label, queries[0]!);
    return queries.map((q) => {
      const got = samples.get(`${label}\t${q}`)!;
      const ms = medianOf(label, q);
      return {
        store: label,
        query: q,
        matches: got[0]!.total,
        [`cold ms (p50 of ${rounds})`]: Number(ms.toFixed(1)),
        [`ratio to ${queries[0]}`]: Number((ms / base).toFixed(2)),
        // The same query on the first store (a smaller corpus): the 1.3x budget across sizes.
        [`ratio to ${stores[0]![0]}`]: Number((ms / medianOf(stores[0]![0], q)).toFixed(2)),
        'KV bytes': got[0]!.bytes,
        'KV keys': got[0]!.keys,
        'round trips': got[0]!.roundTrips,
      };
    });
  });
  const loadAverage = `${Math.min(...load).toFixed(1)}-${Math.max(...load).toFixed(1)}`;
  console.table(rows);
  console.log(`load average (1 min) during the run: ${loadAverage}`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/cold-search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, JSON.stringify({ loadAverage, rows }, null, 2));
}
