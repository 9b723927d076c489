/**
 * `npm run bench:profile -- --operation latest-articles [--target compiled] [--requests 4000]`:
 * where the worker's CPU goes for one app operation, as the per-operation bench sends it
 * (bench/per-operation/targets.ts: by persisted id, a distinct `nonce` variable per request so
 * each one is executed, 10 connections), profiled in the isolate itself.
 *
 * The worker runs as the bench runs it: Miniflare's workerd (bench/runtime.ts, no wrangler
 * proxy in Node), the bench bundle minified as deployed, with its source map, over the
 * 1,000-article KV state a `npm run bench -- --per-operation` run left in bench/.state/ (or
 * `--state-key`'s, as for `npm run bench`, after a change to what the state is named by). After
 * a warm-up (JIT, caches), V8's sampling profiler runs over the isolate (Chrome DevTools
 * Protocol `Profiler.start`/`stop` on the runtime's own inspector) for many requests, and
 * bench/cpu-profile.ts sums the samples by function and by source file, per request.
 * It prints the tables and writes bench/results/profile-<operation>-<target>.md and the raw
 * .cpuprofile (opens in Chrome DevTools' Performance panel).
 *
 * Targets: compiled (the default), graphql-js (COMPILED_OPERATIONS=off), memo (the same
 * request repeated: memo hits), cold (the bench's /__cold route: a new worker per request, every
 * key read from KV; with `--articles 100000` and the state `npm run bench -- --sizes 100000` left),
 * floor (the per-operation bench's floor: the memo's answer bytes from module memory, GET
 * /__floor/memory, no GraphQL), so that a memo hit's profile can be read against what the floor
 * itself spends. Any operation of the per-operation bench (bench/operations.ts ALL_OPERATIONS).
 * Ports: BENCH_PORT_BASE=N puts workerd on N, its inspector on N+1.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { run } from './child';
import { Inspector } from './isolate-heap';
import { findState, stateKey } from './kv-state';
import { ALL_OPERATIONS, type Operation } from './operations';
import { persistedBody, persistedOf } from './per-operation/targets';
import { startRuntime } from './runtime';
import { profileReport, summarize, type CpuProfile } from './cpu-profile';

/** Runs `npm run bench:profile` with its command-line arguments (scripts/bench-profile.ts is the entry point). */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      operation: { type: 'string', default: 'latest-articles' },
      target: { type: 'string', default: 'compiled' },
      requests: { type: 'string', default: '4000' },
      warmup: { type: 'string', default: '1000' },
      connections: { type: 'string', default: '10' },
      // Microseconds between samples: 100 keeps the profiler's own cost small.
      interval: { type: 'string', default: '100' },
      top: { type: 'string', default: '30' },
      articles: { type: 'string', default: '1000' },
      // A state loaded before inputs changed that do not change the data (as `npm run bench` takes it).
      'state-key': { type: 'string' },
    },
  });
  const paths: Record<string, string> = {
    compiled: '/graphql',
    'graphql-js': '/__graphql-js/graphql',
    memo: '/graphql',
    cold: '/__cold/graphql',
    floor: '/__floor/memory',
  };
  const path = paths[values.target];
  if (!path) throw new Error(`--target is one of ${Object.keys(paths).join(', ')}`);

  const articles = Number(values.articles);
  const state = findState(values['state-key'] ?? stateKey(articles));
  if (!state) throw new Error(`No ${articles}-article KV state in bench/.state/: run \`npm run bench -- --sizes ${articles}\` once first.`);
  const outdir = 'bench/.out/profile';
  await run('npx', ['wrangler', 'deploy', 'bench/worker/floor-worker.ts', '--dry-run', '--outdir', outdir, '--upload-source-maps']);
  const bundle = `${outdir}/floor-worker.js`;

  const op: Operation =
    ALL_OPERATIONS.find((o) => o.name === values.operation) ??
    (() => {
      throw new Error(`--operation is one of ${ALL_OPERATIONS.map((o) => o.name).join(', ')}`);
    })();
  const { id } = persistedOf(op);
  let nonce = 0;
  const bodyOf = () => (values.target === 'memo' || values.target === 'cold' ? persistedBody(op, id) : persistedBody(op, id, ++nonce));
  /** The floor is a GET of the stored answer (bench/worker/floor-worker.ts); the others POST by persisted id. */
  const init = (): RequestInit =>
    values.target === 'floor' ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyOf() };

  /** `count` requests over `connections` connections; every answer must be a 200. */
  async function send(url: string, count: number, connections: number): Promise<void> {
    let left = count;
    const loop = async () => {
      while (left-- > 0) {
        const response = await fetch(url, init());
        const text = await response.text();
        if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${op.name}: ${response.status} ${text.slice(0, 300)}`);
      }
    };
    await Promise.all(Array.from({ length: connections }, loop));
  }

  const runtime = await startRuntime(bundle, state.kvDir);
  try {
    let url = `${runtime.url}${path}`;
    if (values.target === 'floor') {
      // The floor serves the worker's own answer to the memo target's request, as the bench's does.
      const answer = await fetch(`${runtime.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: persistedBody(op, id) });
      const key = `__floor:${op.name}`;
      await fetch(`${runtime.url}/__bench/put`, { method: 'POST', body: JSON.stringify([{ key, value: await answer.text() }]) });
      url += `?key=${encodeURIComponent(key)}`;
    }
    const connections = Number(values.connections);
    await send(url, Number(values.warmup), connections);
    const inspector = await Inspector.connect(runtime.inspectorUrl);
    await inspector.call('Profiler.enable');
    await inspector.call('Profiler.setSamplingInterval', { interval: Number(values.interval) });
    await inspector.call('Profiler.start');
    const requests = Number(values.requests);
    await send(url, requests, connections);
    const { profile } = await inspector.call<{ profile: CpuProfile }>('Profiler.stop', {}, 120_000);
    inspector.close();
    const summary = summarize(profile, requests, readFileSync(`${bundle}.map`, 'utf8'), 'floor-worker.js');
    const title = `# ${op.name}, ${values.target}: CPU profile of the worker's isolate (${new Date().toISOString()})`;
    const report = `${title}\n\n${profileReport(summary, Number(values.top))}\n`;
    mkdirSync('bench/results', { recursive: true });
    const base = `bench/results/profile-${op.name}-${values.target}${articles === 1000 ? '' : `-${articles}`}`;
    writeFileSync(`${base}.md`, report);
    writeFileSync(`${base}.cpuprofile`, JSON.stringify(profile));
    console.log(report);
    console.error(`written to ${base}.md and ${base}.cpuprofile`);
  } finally {
    await runtime.stop();
  }
}
