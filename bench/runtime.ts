import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { run } from './child';
import type { KvNamespaceLike } from '../tools/publish/kv-writer';

/**
 * The bench's workerd: Miniflare's Node API (the runtime and KV simulator `wrangler dev` and
 * the tests use), loading the bench bundle that wrangler built. Chosen over `wrangler dev`
 * (or its `unstable_startWorker`) because there every request also crosses a proxy in Node,
 * which adds the same constant to the floor and to every operation and so hides the ratio
 * the bench is for. Pinned to the Miniflare wrangler itself uses: the Miniflare 5 beta that
 * the vitest plugin hoists wrote to local KV 2.5x slower (3.5 vs 1.5 ms a key), which
 * matters at 111,000 keys.
 */
export const OUT_DIR = 'bench/.out';

/**
 * The bench's ports: the runtime's HTTP port and its inspector's, from BENCH_PORT_BASE (so
 * engineers sharing a machine each keep to their own range), or any free port when unset.
 */
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 0);
/** Port offsets from BENCH_PORT_BASE; the defaults are the ports used before it existed. */
export const benchPort = (offset: number, fallback: number): number => (PORT_BASE > 0 ? PORT_BASE + offset : fallback);
export const benchPorts = (offset = 0): { http: number; inspector: number } => ({
  http: benchPort(offset, 0),
  inspector: benchPort(offset + 1, 9229 + offset),
});

/** The worker's name in Miniflare: its inspector target is /core:user:<name>. */
const WORKER_NAME = 'bench';

/** Bundles bench/worker/floor-worker.ts with wrangler's own bundler and wrangler.toml (minified). */
export async function bundleBenchWorker(): Promise<string> {
  const outdir = join(OUT_DIR, 'worker');
  await run('npx', ['wrangler', 'deploy', 'bench/worker/floor-worker.ts', '--dry-run', '--outdir', outdir]);
  return join(outdir, 'floor-worker.js');
}

const toml = () => readFileSync('wrangler.toml', 'utf8');
const tomlValue = (name: string): string => new RegExp(`^${name}\\s*=\\s*"([^"]+)"`, 'm').exec(toml())![1]!;

/**
 * The [vars] of wrangler.toml, as production has them, except two the bench must change:
 * arbitrary queries are allowed (the bench sends the operations' text, not persisted ids)
 * and the rate limit is off (the bench sends thousands of requests a second from one client).
 */
function benchVars(): Record<string, string> {
  const section = /^\[vars\]\n([\s\S]*?)(?=^\[)/m.exec(toml())?.[1] ?? '';
  const vars = Object.fromEntries([...section.matchAll(/^(\w+)\s*=\s*"([^"]*)"/gm)].map((m) => [m[1]!, m[2]!]));
  return { ...vars, ALLOW_ARBITRARY_QUERIES: 'true', RATE_LIMIT: 'off' };
}

/**
 * Starts workerd with the KV namespace kept in `kvDir`, or when none is given in a fresh
 * directory under /dev/shm where there is one (tmpfs: local KV writes a SQLite row and a
 * blob file per key), deleted when the runtime stops unless `keep` says otherwise.
 */
export async function startRuntime(
  bundle: string,
  kvDir?: string,
  /** Vars over wrangler.toml's (cache budgets, say: `npm run bench -- --var DOCUMENT_CACHE_SIZE=8MiB`). */
  vars: Record<string, string> = {},
  /** Ports from BENCH_PORT_BASE + this (HTTP) and + this + 1 (inspector): a second runtime beside the first. */
  portOffset = 0,
  /** The KV namespace's id in `kvDir`: wrangler's stores (`wrangler dev`, bench:search) keep wrangler.toml's. */
  namespaceId = 'NEWS',
): Promise<{ url: string; kvDir: string; inspectorUrl: string; kv: () => Promise<KvNamespaceLike>; stop: (options?: { keep?: boolean }) => Promise<void> }> {
  const base = process.platform === 'linux' ? '/dev/shm' : tmpdir();
  const persist = kvDir ?? mkdtempSync(join(base, 'edge-news-bench-'));
  const ports = benchPorts(portOffset);
  const mf = new Miniflare({
    name: WORKER_NAME,
    modules: true,
    scriptPath: bundle,
    compatibilityDate: tomlValue('compatibility_date'),
    kvNamespaces: { NEWS: namespaceId },
    kvPersist: persist,
    bindings: { ...benchVars(), ...vars },
    host: '127.0.0.1',
    port: ports.http,
    // The runtime's own inspector (no proxy): bench/isolate-heap.ts reads the isolate's heap.
    inspectorPort: ports.inspector,
  });
  const url = (await mf.ready).toString().replace(/\/$/, '');
  return {
    url,
    kvDir: persist,
    inspectorUrl: `ws://localhost:${ports.inspector}/core:user:${WORKER_NAME}`,
    /** The worker's KV namespace from Node: what a publisher writes while the worker serves (bench/newsroom/). */
    kv: () => mf.getKVNamespace('NEWS') as unknown as Promise<KvNamespaceLike>,
    stop: async ({ keep = kvDir !== undefined } = {}) => {
      await mf.dispose();
      if (!keep) rmSync(persist, { recursive: true, force: true });
    },
  };
}
