/**
 * Where a cold search's CPU goes, per store: V8's sampling profiler over a fresh worker's first
 * search, summed over many fresh workers, and the functions whose time grows most from the
 * first store to the last (what a larger corpus costs a search, whatever the query).
 *
 *   npm run bench:search-cold-profile -- --stores k1=<1,000 store>,k100=<100,000 store>
 *                                        [--queries 'सराहना,पुतिन' --rounds 7 --top 20]
 *
 * Stores are those `npm run bench:search` leaves (bench/search-cold.ts). Each sample is a new
 * workerd (bench/runtime.ts: Miniflare, no proxy) on the production bundle (src/index.ts built
 * by `wrangler deploy --dry-run` with its source map), warmed by a `dataVersion` request; the
 * profiler (Chrome DevTools Protocol on the runtime's inspector) runs over the search alone.
 * Stores and queries alternate, so load on a shared machine falls on all alike. Prints, and
 * writes bench/results/search-cold-profile-<time>.md: per store and query the median client
 * ms and sampled isolate CPU, then per query the functions by their median self ms per search on
 * each store, most grown first.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { run } from './child';
import { summarize, type CpuProfile } from './cpu-profile';
import { Inspector } from './isolate-heap';
import { table as markdownTable } from './markdown-table';
import { OUT_DIR, startRuntime } from './runtime';
import { PERSIST } from './search-worker';

const SEARCH = `query($q: String!) { search(query: $q, first: 10) {
  totalCount edges { score node { slug headline } highlights { paragraph start end } } } }`;

/** Runs `npm run bench:search-cold-profile` (scripts/bench-search-cold-profile.ts is the entry point). */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      stores: { type: 'string', default: `current=${PERSIST}` },
      queries: { type: 'string', default: 'सराहना,पुतिन' },
      rounds: { type: 'string', default: '7' },
      // Microseconds between samples: a cold search is tens of milliseconds.
      interval: { type: 'string', default: '50' },
      top: { type: 'string', default: '20' },
    },
  });
  const stores = values.stores!.split(',').map((s) => s.split('=') as [string, string]);
  const queries = values.queries!.split(',');
  const rounds = Number(values.rounds);
  const outdir = `${OUT_DIR}/search-profile`;
  await run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir, '--upload-source-maps']);
  const bundle = `${outdir}/index.js`;
  const map = readFileSync(`${bundle}.map`, 'utf8');
  const namespaceId = /^id\s*=\s*"([^"]+)"/m.exec(readFileSync('wrangler.toml', 'utf8'))![1]!;

  const load = [loadavg()[0]!];
  const acc = new Map<string, { ms: number[]; cpu: number[]; self: Map<string, number[]> }>();
  for (let round = 0; round < rounds; round++) {
    for (const [label, dir] of stores) {
      for (const q of round % 2 ? [...queries].reverse() : queries) {
        const runtime = await startRuntime(bundle, `${dir}/v3/kv`, { VERSION_CHECK_SECONDS: '3600' }, 0, namespaceId);
        try {
          const post = (body: unknown) =>
            fetch(`${runtime.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          await (await post({ query: '{ dataVersion { id } }' })).text();
          const inspector = await Inspector.connect(runtime.inspectorUrl);
          await inspector.call('Profiler.enable');
          await inspector.call('Profiler.setSamplingInterval', { interval: Number(values.interval) });
          await inspector.call('Profiler.start');
          const start = performance.now();
          const body = (await (await post({ query: SEARCH, variables: { q } })).json()) as { errors?: unknown };
          const ms = performance.now() - start;
          const { profile } = await inspector.call<{ profile: CpuProfile }>('Profiler.stop');
          inspector.close();
          if (body.errors) throw new Error(`${q}: ${JSON.stringify(body.errors)}`);
          const summary = summarize(profile, 1, map, 'index.js');
          const key = `${label}\t${q}`;
          const a = acc.get(key) ?? { ms: [], cpu: [], self: new Map<string, number[]>() };
          a.ms.push(ms);
          a.cpu.push(summary.cpuMsPerRequest);
          for (const row of summary.byFunction) a.self.set(row.key, [...(a.self.get(row.key) ?? []), row.selfMs]);
          acc.set(key, a);
        } finally {
          await runtime.stop();
        }
      }
    }
    load.push(loadavg()[0]!);
    console.log(`round ${round + 1} of ${rounds} (load ${load.at(-1)!.toFixed(1)})`);
  }

  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  // A function's median over the searches, 0 where a search's profile has no sample of it: one
  // search slowed by the machine's load moves a mean, not the median.
  const selfMedian = (samples: number[] | undefined) => median([...(samples ?? []), ...Array<number>(rounds - (samples?.length ?? 0)).fill(0)]);
  const fixed = (v: number) => v.toFixed(1);
  const sections = [
    markdownTable(
      ['store', 'query', `client ms (p50 of ${rounds})`, 'sampled CPU ms (p50)'],
      [...acc].map(([key, a]) => [...key.split('\t'), fixed(median(a.ms)), fixed(median(a.cpu))]),
    ),
  ];
  const [first, last] = [stores[0]![0], stores.at(-1)![0]];
  for (const q of queries) {
    const of = (label: string) => acc.get(`${label}\t${q}`)!.self;
    const names = new Set(stores.flatMap(([label]) => [...of(label).keys()]));
    const growth = (fn: string) => selfMedian(of(last).get(fn)) - selfMedian(of(first).get(fn));
    const rows = [...names].sort((x, y) => growth(y) - growth(x)).slice(0, Number(values.top));
    sections.push(
      `**${q}**: median self ms per search, by how much more ${last} spends than ${first}`,
      markdownTable(['function', ...stores.map(([label]) => label), `${last} - ${first}`], rows.map((fn) => [fn, ...stores.map(([label]) => selfMedian(of(label).get(fn)).toFixed(2)), growth(fn).toFixed(2)])),
    );
  }
  const loadAverage = `${Math.min(...load).toFixed(1)}-${Math.max(...load).toFixed(1)}`;
  const report = [`# Cold search CPU profile (${new Date().toISOString()}, load average ${loadAverage})`, ...sections].join('\n\n');
  console.log(report);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/search-cold-profile-${new Date().toISOString().replace(/[:.]/g, '-')}.md`, `${report}\n`);
}
