/**
 * `npm run bench -- --per-operation [--sizes 1000] [--seconds 5] [--connections 10] [--operations a,b]`: the
 * per-operation table (memo hit, compiled, graphql-js, Apollo, Apollo + cache,
 * workerd floor; CPU ms per request, req/s and the goal ratios) from ONE interleaved run on
 * one machine, over a corpus `npm run bench` builds and loads (or finds in bench/.state/).
 * Writes bench/results/per-operation-<time>.json and .svg (the chart); `npm run
 * docs:performance` renders the newest into docs/performance.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { LoadSettings } from '../measure';
import { ALL_OPERATIONS } from '../operations';
import { benchPort, startRuntime } from '../runtime';
import { startPeer } from '../peer/compare';
import type { OperationFigures, PerOperationResults } from './report';
import { perOperationChart } from './chart';
import { perOperationReport } from './report';
import { measureOperation } from './measure';
import { compilerPresent } from './targets';

export interface PerOperationOptions {
  bundle: string;
  sizes: number[];
  settings: LoadSettings;
  /** Only these operations (--operations), by file name; all of them when absent. */
  operations?: string[];
  /** Vars over wrangler.toml's, for the measured workers (--var). */
  vars: Record<string, string>;
  /** The corpus's KV state: built and loaded, or found from an earlier run (bench/run.ts). */
  kvDirOf: (articles: number) => Promise<string>;
  log: (message: string) => void;
}

/** The measured worker's COMPILED_OPERATIONS: --var, else wrangler.toml's, else absent. */
function compiledSetting(vars: Record<string, string>, present: boolean): string {
  const toml = /^COMPILED_OPERATIONS\s*=\s*"([^"]*)"/m.exec(existsSync('wrangler.toml') ? readFileSync('wrangler.toml', 'utf8') : '');
  return vars.COMPILED_OPERATIONS ?? toml?.[1] ?? (present ? 'default' : 'absent');
}

export async function runPerOperation(options: PerOperationOptions): Promise<void> {
  const { settings, log } = options;
  const unknown = options.operations?.filter((name) => !ALL_OPERATIONS.some((o) => o.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`--operations: no operation ${unknown.join(', ')}; one of ${ALL_OPERATIONS.map((o) => o.name).join(', ')}`);
  const OPERATIONS = options.operations ? ALL_OPERATIONS.filter((o) => options.operations!.includes(o.name)) : ALL_OPERATIONS;
  const present = compilerPresent();
  if (!present) log('no COMPILED_OPERATIONS in src/config.ts: "compiled" and "graphql-js" run the same code (the report says so)');
  const measured = new Set(ALL_OPERATIONS.map((o) => o.name));
  const unmeasured = readdirSync('operations').filter((f) => f.endsWith('.graphql')).map((f) => f.slice(0, -'.graphql'.length)).filter((n) => !measured.has(n));
  for (const articles of options.sizes) {
    const startedAt = new Date().toISOString();
    const loadBefore = loadavg();
    const runtime = await startRuntime(options.bundle, await options.kvDirOf(articles), options.vars);
    const peer = await startPeer(runtime.url, { plain: benchPort(2, 0), cached: benchPort(3, 0) });
    const operations: OperationFigures[] = [];
    try {
      const urls = { base: runtime.url, compiled: `${runtime.url}/graphql`, graphqlJs: `${runtime.url}/__graphql-js/graphql` };
      for (const [i, op] of OPERATIONS.entries()) {
        log(`${articles} articles: ${op.name} (${i + 1}/${OPERATIONS.length}), ${settings.seconds + 1} rounds of 6 one-second slices`);
        operations.push(await measureOperation(urls, peer, op, settings, log, present));
      }
    } finally {
      peer.stop();
      await runtime.stop();
    }
    const results: PerOperationResults = {
      startedAt,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, loadBefore, loadAfter: loadavg() },
      settings,
      articles,
      compiler: { present, compiledOperations: compiledSetting(options.vars, present) },
      operations,
      unmeasured,
    };
    mkdirSync('bench/results', { recursive: true });
    const base = `bench/results/per-operation-${startedAt.replace(/[:.]/g, '-')}`;
    writeFileSync(`${base}.json`, JSON.stringify(results, null, 2));
    writeFileSync(`${base}.svg`, perOperationChart(results));
    const report = perOperationReport(results, `${base.slice('bench/results/'.length)}.svg`);
    writeFileSync('bench/results/per-operation-latest.md', `${report}\n`);
    console.log(report);
    log(`figures written to ${base}.json and .svg`);
  }
}
