/**
 * A bounded load run on loopback: starts `wrangler dev` (production mode, rate limiting off,
 * query texts allowed so that hostile queries reach the limits rather than stopping at the
 * persisted-operations gate, its own KV under a scratch directory holding the current build),
 * then sends AMOUNT requests at CONNECTIONS concurrency with autocannon: the app's own
 * operations mixed with hostile requests. Every response is checked: a valid request must answer 200 with data and no
 * error, a hostile one its documented status and code. Reports the mismatches (must be 0),
 * latency percentiles, throughput, and memory: the isolate's V8 heap (isolate-heap.ts, through
 * the inspector) and the resident size of the workerd processes (process-memory.ts), before,
 * after a warm-up, every 2 s during the run, at its end and 10 s later.
 *
 * Then publishing under load (bench/publish-under-load.ts): READERS readers in a loop while the
 * data set is republished REPUBLISH+1 times, PAUSE seconds apart; every answer must be complete
 * and consistent with the one data version it names.
 *
 *   tsx scripts/bench-load.ts [--amount 20000] [--connections 50] [--port 8789] [--inspector-port 9231]
 *                     [--republish 3] [--readers 8] [--pause 12] [--publish-only]
 *
 * With BENCH_PORT_BASE set, the ports default to BENCH_PORT_BASE + 2 and + 3 instead.
 *
 * Exits 1 when any response is wrong. Writes bench/results/load.json.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isolateHeap } from './isolate-heap';
import { operation } from './operations';
import { publishUnderLoad } from './publish-under-load';
import { workerdMemory } from './process-memory';
import { benchPort } from './runtime';

/** Runs `npm run bench:load` with its command-line arguments (scripts/bench-load.ts is the entry point). */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      amount: { type: 'string', default: '20000' },
      connections: { type: 'string', default: '50' },
      port: { type: 'string', default: String(benchPort(2, 8789)) },
      'inspector-port': { type: 'string', default: String(benchPort(3, 9231)) },
      /** Publishing under load (bench/publish-under-load.ts): publications, readers, pause. */
      republish: { type: 'string', default: '3' },
      readers: { type: 'string', default: '8' },
      pause: { type: 'string', default: '12' },
      'publish-only': { type: 'boolean', default: false },
    },
  });
  const amount = Number(values.amount);
  const connections = Number(values.connections);
  const url = `http://127.0.0.1:${values.port}`;
  const inspectorPort = Number(values['inspector-port']);
  const bin = (name: string) => join(process.cwd(), 'node_modules', '.bin', name);
  const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

  interface Kind {
    name: string;
    valid: boolean;
    body: string;
    contentType?: string;
    /** What a correct answer looks like. */
    status: number;
    code?: string;
  }
  const gql = (query: string, variables?: unknown) => JSON.stringify({ query, variables });
  const kinds: Kind[] = [
    { name: 'article page', valid: true, status: 200, body: gql(operation('article-page').query, operation('article-page').variables) },
    { name: 'latest articles', valid: true, status: 200, body: gql(operation('latest-articles').query, operation('latest-articles').variables) },
    { name: 'person', valid: true, status: 200, body: gql('{ person(slug: "vladimir-putin") { name events(first: 10) { nodes { name startDate } } } }') },
    { name: 'events page 2', valid: true, status: 200, body: gql('{ events(first: 3, after: "bzoy") { nodes { slug } pageInfo { hasNextPage } } }') },
    { name: 'data version', valid: true, status: 200, body: gql('{ dataVersion { id articleCount } }') },
    { name: 'invalid JSON', valid: false, status: 400, code: 'BAD_REQUEST', body: '{"query": "{' },
    { name: 'depth 50', valid: false, status: 200, code: 'QUERY_TOO_COMPLEX', body: gql('{ article(slug: "x") { ' + 'people { articles { nodes { '.repeat(17) + 'slug' + ' } } }'.repeat(17) + ' } }') },
    { name: 'cost over limit', valid: false, status: 200, code: 'QUERY_TOO_COMPLEX', body: gql('{ articles(first: 100) { nodes { people { articles(first: 100) { nodes { slug headline } } } } } }') },
    { name: 'forged cursor', valid: false, status: 200, code: 'BAD_USER_INPUT', body: gql('{ articles(after: "Zm9yZ2Vk") { totalCount } }') },
    { name: '70 KB body', valid: false, status: 413, code: 'PAYLOAD_TOO_LARGE', body: gql(`{ __typename }#${'x'.repeat(70_000)}`) },
    { name: 'batch', valid: false, status: 400, code: 'BAD_REQUEST', body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) },
    { name: 'text/plain', valid: false, status: 415, code: 'BAD_REQUEST', body: '{ __typename }', contentType: 'text/plain' },
  ];
  /** Four valid requests for each hostile one: the app's traffic with a steady share of abuse. */
  const mix = [...kinds.filter((k) => k.valid), ...kinds.filter((k) => k.valid), ...kinds.filter((k) => k.valid), ...kinds.filter((k) => k.valid), ...kinds.filter((k) => !k.valid)];

  const tally = new Map(kinds.map((k) => [k.name, { sent: 0, wrong: 0, example: '' }]));
  function check(kind: Kind, status: number, body: string): void {
    const t = tally.get(kind.name)!;
    t.sent += 1;
    let ok = status === kind.status;
    try {
      const json = JSON.parse(body) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
      ok &&= kind.valid ? json.data != null && !json.errors : json.errors?.some((e) => e.extensions?.code === kind.code) === true;
    } catch {
      ok = false;
    }
    if (!ok) {
      t.wrong += 1;
      t.example ||= `${status} ${body.slice(0, 200)}`;
    }
  }

  async function waitForServer(deadline: number): Promise<void> {
    while (Date.now() < deadline) {
      try {
        const r = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: gql('{ dataVersion { id } }') });
        if (r.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('wrangler dev did not answer within 60 s');
  }

  if (!existsSync('.build/kv-data.json')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env });
  const state = mkdtempSync(join(tmpdir(), 'load-kv-'));
  const load = spawnSync(bin('tsx'), ['scripts/load-kv.ts', '--persist-to', state], { stdio: 'inherit', env });
  if (load.status !== 0) throw new Error('publishing the build to the scratch KV failed');

  const server = spawn(
    bin('wrangler'),
    ['dev', '--port', values.port!, '--inspector-port', String(inspectorPort), '--ip', '127.0.0.1', '--persist-to', state, '--var', 'RATE_LIMIT:off', '--var', 'ALLOW_ARBITRARY_QUERIES:true', '--log-level', 'error'],
    { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  try {
    await waitForServer(Date.now() + 60_000);
    const requests = values['publish-only'] ? null : await requestPhase();
    const publishing = await publishUnderLoad({
      url,
      state,
      scratch: join(state, 'publish-under-load'),
      readers: Number(values.readers),
      republish: Number(values.republish),
      pauseSeconds: Number(values.pause),
      env,
    });
    const report = { ...requests?.report, publishUnderLoad: publishing };
    console.log(JSON.stringify(report, null, 2));
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/load.json', JSON.stringify(report, null, 2));
    if (requests?.failed || publishing.errors + publishing.inconsistent > 0) process.exitCode = 1;
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
    rmSync(state, { recursive: true, force: true });
  }

  /** The mixed valid and hostile requests of autocannon, with memory sampled around them. */
  async function requestPhase() {
    const memory = async () => ({ isolateHeap: await isolateHeap(inspectorPort), processes: workerdMemory(server.pid!) });
    const before = await memory();
    // Warm-up: every kind once per connection, unchecked, so the run measures a warm isolate.
    await autocannon({ url, connections, amount: connections * mix.length, requests: mix.map(toRequest(false)) });
    const warm = await memory();
    // RSS every 2 s during the run: a plateau means the isolate's memory is bounded (the
    // document cache is an LRU of 32 MB); a steady climb would be a leak.
    const timeline: Array<{ second: number; heapUsedMiB: number; rssMiB: number[] }> = [];
    const started = Date.now();
    const sampler = setInterval(() => {
      void memory().then((m) =>
        timeline.push({
          second: Math.round((Date.now() - started) / 1000),
          heapUsedMiB: m.isolateHeap.usedMiB,
          rssMiB: m.processes.map((p) => p.rssMiB),
        }),
      );
    }, 2000);
    const result = await autocannon({ url, connections, amount, timeout: 30, requests: mix.map(toRequest(true)) });
    clearInterval(sampler);
    const after = await memory();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const settled = await memory();

    const wrongValid = kinds.filter((k) => k.valid).reduce((n, k) => n + tally.get(k.name)!.wrong, 0);
    const wrongHostile = kinds.filter((k) => !k.valid).reduce((n, k) => n + tally.get(k.name)!.wrong, 0);
    const report = {
      amount,
      connections,
      sent: result.requests.total,
      durationSeconds: result.duration,
      requestsPerSecond: result.requests.average,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
      transportErrors: result.errors,
      timeouts: result.timeouts,
      status: { '2xx': result['2xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
      wrongAnswers: { valid: wrongValid, hostile: wrongHostile },
      byKind: Object.fromEntries(tally),
      memory: { before, warm, after, settled, timeline },
    };
    console.table(Object.fromEntries([...tally].map(([name, t]) => [name, { sent: t.sent, wrong: t.wrong }])));
    const failed = wrongValid + wrongHostile + result.errors + result.timeouts > 0 || result['5xx'] > 0;
    return { report, failed };
  }

  function toRequest(checked: boolean) {
    return (kind: Kind) => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': kind.contentType ?? 'application/json' },
      body: kind.body,
      onResponse: checked ? (status: number, body: string) => check(kind, status, body) : undefined,
    });
  }
}
