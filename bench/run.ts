/**
 * `npm run bench`: the worker against the floor, in one workerd, at several corpus sizes.
 *
 *   npm run bench [-- --sizes 1000,10000,100000 --seconds 5 --connections 10 --fresh --skip-peer]
 *                 [--soak 8000] [--soak-min 100000] [--only soak] [--state-key KEY] [--var NAME=VALUE]
 *   npm run bench -- --sizes 1000000     (once in a while: builds and loads a million articles)
 *   npm run bench -- --publish-one [--sizes 1000,100000]   (keys, bytes, time of one-article publishes)
 *   npm run bench -- --per-operation     (the per-operation table instead: bench/per-operation/run.ts; 1,000 articles unless --sizes)
 *   npm run bench -- --per-operation --operations node,nodes   (only those operations)
 *   npm run bench -- --newsroom [--articles 100000 --publishes 120]   (a newsroom's day: bench/newsroom/newsroom.ts)
 *   npm run bench -- --newsroom --sync [--publishes 1000]   (sync clients away up to 8 days: bench/newsroom/sync-day.ts)
 *   (BENCH_PORT_BASE=N: workerd on port N, its inspector on N+1, the Apollo peer on N+2 and N+3)
 *
 * For each size: builds the seed data plus a generated corpus (tools/fixtures/corpus.ts) with the real
 * build step, loads it into a fresh local KV, then for each operation (bench/operations.ts)
 * measures, with autocannon at a fixed concurrency: the production worker cold (fresh isolate
 * state every request) and warm, and the floor: the operation's own response bytes served
 * without GraphQL, read from KV on every request and from memory. Also reports KV round trips
 * and bytes per operation (x-kv-stats), the production bundle's gzip size and start-up time.
 * After each phase it reads the isolate's V8 heap (used and total) through the runtime's
 * inspector, and at sizes of at least `--soak-min` articles it runs the soak (bench/soak.ts):
 * `--soak` requests of distinct pages, common-word searches and type-ahead, interleaved, with
 * the heap read every 250 ms; the peak total heap must stay under 96 MiB (docs/memory.md).
 * `--only soak` skips the per-operation latency figures.
 * Then the peer (bench/peer/): Apollo Server 4 on Node over the same documents, with and
 * without its response cache, against the worker and its floor, CPU per request included.
 * Prints tables and the budgets met or missed; writes the figures to bench/results/ (one JSON file a run).
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { LoadSettings } from './measure';
import { measureSizeOperation } from './size-operation';
import { OPERATIONS } from './operations';
import { FIGURES_DOC, spliceSection } from './figures-doc';
import { heapTable, runReport, type BenchResults, type HeapPhase, type OperationFigures, type SizeFigures } from './report';
import { bundleBenchWorker, startRuntime } from './runtime';
import { loadedCorpus } from './loaded-state';
import { Inspector } from './isolate-heap';
import { soak, soakRequests } from './soak';
import { staticFigures } from './static-figures';
import { measurePeerSize } from './peer/measure-size';
import { runPerOperation } from './per-operation/run';

/** Runs `npm run bench` with its command-line arguments (scripts/bench.ts is the entry point). */
/** The section a soak alone (`--only soak`) writes in the figures doc. */
const SOAK_HEADING = '## npm run bench -- --only soak';

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      fresh: { type: 'boolean', default: false },
      soak: { type: 'string', default: '8000' },
      'soak-min': { type: 'string', default: '100000' },
      only: { type: 'string' },
      'state-key': { type: 'string' },
      var: { type: 'string', multiple: true, default: [] },
      'skip-peer': { type: 'boolean', default: false },
      'publish-one': { type: 'boolean', default: false },
      'per-operation': { type: 'boolean', default: false },
      operations: { type: 'string' },
      newsroom: { type: 'boolean', default: false },
      articles: { type: 'string' },
      publishes: { type: 'string' },
      requests: { type: 'string' },
      clients: { type: 'string' },
      day: { type: 'string' },
      why: { type: 'boolean' },
      sync: { type: 'boolean', default: false },
      'keep-publishes': { type: 'string' },
      before: { type: 'string' },
    },
  });
  // `--newsroom --sync`: sync clients away for a day of 1,000 publishes (bench/newsroom/sync-day.ts).
  if (values.newsroom && values.sync) return import('./newsroom/sync-day').then((m) => m.main(args));
  // `--newsroom`: a newsroom's day of publishes and readers (bench/newsroom/newsroom.ts) instead.
  if (values.newsroom) return import('./newsroom/newsroom').then((m) => m.main(args));
  // `--publish-one [--sizes ...]`: what publishing one article costs (bench/publish-one.ts) instead.
  if (values['publish-one']) await import('./publish-one').then(() => process.exit(0));
  const soakRequestCount = Number(values.soak);
  const soakMin = Number(values['soak-min']);
  const onlySoak = values.only === 'soak';
  /** `--var NAME=VALUE`: wrangler vars over wrangler.toml's for the measured worker (cache budgets). */
  const vars = Object.fromEntries((values.var ?? []).map((v) => [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)]));
  const sizes = values.sizes!.split(',').map(Number);
  const settings: LoadSettings = { seconds: Number(values.seconds), connections: Number(values.connections) };
  const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

  /** The corpus of `articles`, built and loaded into KV, or found loaded by an earlier run (bench/loaded-state.ts). */
  const loadedState = (bundle: string, articles: number) => loadedCorpus(bundle, articles, { fresh: values.fresh, stateKey: values['state-key'] }, log);

  async function measureSize(bundle: string, articles: number): Promise<SizeFigures> {
    const state = await loadedState(bundle, articles);
    const runtime = await startRuntime(bundle, state.kvDir, vars);
    const inspector = await Inspector.connect(runtime.inspectorUrl);
    const heap: HeapPhase[] = [];
    const phase = async (name: string) => {
      const h = await inspector.heap();
      heap.push({ phase: name, ...h });
      log(`  heap after ${name}: used ${h.usedMiB} MiB, total ${h.totalMiB} MiB`);
    };
    const whole = inspector.track(500);
    try {
      await phase('start');
      const operations: OperationFigures[] = [];
      if (!onlySoak) {
        for (const op of OPERATIONS) {
          operations.push(await measureSizeOperation(runtime.url, op, settings, log));
          await phase(op.name);
        }
      }
      let soaked: SizeFigures['soak'];
      if (soakRequestCount > 0 && articles >= soakMin) {
        log(`  soak: ${soakRequestCount} requests, ${settings.connections} connections`);
        // The corpus's generated articles; the seed article is not among the soak's pages.
        soaked = await soak(runtime.url, inspector, soakRequests(soakRequestCount, articles), settings.connections);
        log(`  soak: ${soaked.seconds.toFixed(1)} s, ${soaked.failures} failures, peak heap used ${soaked.peakUsedMiB} MiB, total ${soaked.peakTotalMiB} MiB`);
        await phase('soak');
      }
      const peer = values['skip-peer'] || onlySoak ? undefined : await measurePeerSize(runtime.url, OPERATIONS, settings, log);
      const peaks = await whole.stop();
      return { ...state.figures, operations, heap, peakTotalMiB: Math.max(peaks.peakTotalMiB, ...heap.map((h) => h.totalMiB)), soak: soaked, peer };
    } finally {
      await whole.stop();
      inspector.close();
      await runtime.stop();
    }
  }

  if (values['per-operation']) {
    const bundle = await bundleBenchWorker();
    const perOperationSizes = args.some((a) => a.startsWith('--sizes')) ? sizes : [1000];
    const operations = values.operations?.split(',');
    await runPerOperation({ bundle, sizes: perOperationSizes, settings, vars, operations, kvDirOf: async (n) => (await loadedState(bundle, n)).kvDir, log });
    process.exit(0);
  }

  const startedAt = new Date().toISOString();
  log('bundle size and start-up');
  const statics = await staticFigures();
  const bundle = await bundleBenchWorker();
  const results: BenchResults = {
    startedAt,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: loadavg(),
    },
    settings: { connections: settings.connections, seconds: settings.seconds, vars, onlySoak },
    static: statics,
    sizes: [],
  };
  for (const articles of sizes) results.sizes.push(await measureSize(bundle, articles));
  results.machine.loadAverage = loadavg();

  results.machine.freeGiB = Math.round(freemem() / 2 ** 30);
  const report = runReport(results);
  console.log(report);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/bench-${startedAt.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify(results, null, 2));
  writeFileSync('bench/results/latest.md', `${report}\n`);
  log(`figures written to ${file} and bench/results/latest.md`);
  if (onlySoak) {
    // A soak alone renews its own section of the figures doc, the other benches' figures left as they are.
    const section = [`${SOAK_HEADING} (${startedAt}, load average ${results.machine.loadAverage.map((l) => l.toFixed(1)).join(' / ')})`, ...results.sizes.map(heapTable)].join('\n\n');
    writeFileSync(FIGURES_DOC, spliceSection(readFileSync(FIGURES_DOC, 'utf8'), SOAK_HEADING, section));
    log(`soak figures written to ${FIGURES_DOC}`);
  }
}
