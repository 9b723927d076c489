/**
 * The worker against what a user would pick instead: Apollo Server 4 on Node over the same
 * documents in memory (bench/peer/server.ts), with and without its response cache, next to
 * the workerd floor (the same bytes from module memory, no GraphQL), on one machine.
 *
 * Per operation, five targets are measured in interleaved one-second slices (each round runs
 * every target once, so a burst of other load on the shared machine hits all of them):
 *   memo       the worker, warm, the same request repeated (its response memo answers)
 *   executed   the worker, warm, a distinct variable each request (executed every time)
 *   floor      the workerd floor from memory
 *   apolloCache  Apollo with its response cache, the same request repeated
 *   apollo     Apollo executing every request (distinct variables, no cache)
 * For each: p50, throughput and CPU ms per request of the serving process (/proc utime +
 * stime of workerd or of the peer's Node process). Every answer is checked: each target's
 * first answer must hold the worker's answer's values, and every answer under load must be
 * byte-identical to that first one, or differ from it in object key order only (`reordered`,
 * see `canonical`); anything else counts as an error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { bodyOf, combine, load, type LoadFigures, type LoadSettings } from '../measure';
import type { Operation } from '../operations';
import { descendantsNamed, withCpu } from '../cpu-time';

export const PEER_TARGETS = ['memo', 'executed', 'floor', 'apolloCache', 'apollo'] as const;
export type PeerTarget = (typeof PEER_TARGETS)[number];

export interface TargetFigures extends LoadFigures {
  cpuMsPerRequest: number;
}

export interface PeerOperationFigures {
  name: string;
  /** Whether the worker's answer lists fields in the order of the query, as Apollo's does. */
  sameFieldOrder: boolean;
  targets: Record<PeerTarget, TargetFigures>;
}

export interface Peer {
  plain: string;
  cached: string;
  pid: number;
  stop: () => void;
}

/** Starts the peer, which reads the current data version from the worker at `kvUrl`. */
export function startPeer(kvUrl: string, ports: { plain: number; cached: number }): Promise<Peer> {
  const child: ChildProcess = spawn(
    'node',
    ['--max-old-space-size=8192', '--import', 'tsx', 'bench/peer/server.ts', '--kv-url', kvUrl, '--port', String(ports.plain), '--cached-port', String(ports.cached)],
    { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => {
      const ready = JSON.parse(d.toString().trim().split('\n')[0]!) as { plain: string; cached: string };
      resolve({ ...ready, pid: child.pid!, stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`the Apollo peer exited ${code}:\n${stderr.slice(-3000)}`)));
  });
}

export async function answer(url: string, body: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${text.slice(0, 300)}`);
  return text;
}

/**
 * The same JSON values, whatever the whitespace and the order of object keys. Key order is
 * compared apart (`reordered`, `sameFieldOrder`): the GraphQL spec's result maps are ordered
 * as the selection set (7.2.2), as graphql-js and Apollo write them; @graphql-tools/executor
 * (yoga's) did not before 2.1, and a regression would show here.
 */
const sortedKeys = (_: string, value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : value;
export const canonical = (body: string) => JSON.stringify(JSON.parse(body, sortedKeys));
export const ordered = (body: string) => JSON.stringify(JSON.parse(body));

/** Throws, showing where, unless `body` holds the values of `expected` (key order aside). */
export function checkSameValues(what: string, body: string, expectedFrom: string, expected: string): void {
  const [got, want] = [canonical(body), canonical(expected)];
  if (got === want) return;
  let at = 0;
  while (got[at] === want[at]) at++;
  const around = (text: string) => text.slice(Math.max(0, at - 200), at + 200);
  throw new Error(`${what} answers differently from ${expectedFrom} at character ${at}:\n${around(got)}\n--- ${expectedFrom}:\n${around(want)}`);
}

export async function measurePeer(url: string, peer: Peer, op: Operation, settings: LoadSettings): Promise<PeerOperationFigures> {
  const slice = { ...settings, seconds: 1 };
  const workerd = descendantsNamed(process.pid, 'workerd');
  const graphql = { worker: `${url}/graphql`, apollo: peer.plain, apolloCache: peer.cached };
  const expected = await answer(graphql.worker, bodyOf(op));
  const floorKey = `__floor:${op.name}`;
  await fetch(`${url}/__bench/put`, { method: 'POST', body: JSON.stringify([{ key: floorKey, value: expected }]) });
  const bodies = {
    worker: expected,
    floor: await fetch(`${url}/__floor/memory?key=${encodeURIComponent(floorKey)}`).then((r) => r.text()),
    apollo: await answer(graphql.apollo, bodyOf(op, 0)),
    apolloCache: await answer(graphql.apolloCache, bodyOf(op)),
  };
  for (const [name, body] of Object.entries(bodies)) checkSameValues(`${op.name}: ${name}`, body, 'the worker', expected);
  const want = canonical(expected);
  const equivalent = (body: string) => canonical(body) === want;
  const same = { method: 'POST' as const, body: bodyOf(op), equivalent };
  const distinct = { method: 'POST' as const, bodyFor: (i: number) => bodyOf(op, i), equivalent };
  const targets: Record<PeerTarget, { pids: number[]; run: () => Promise<LoadFigures> }> = {
    memo: { pids: workerd, run: () => load(graphql.worker, slice, { ...same, expectBody: bodies.worker }) },
    executed: { pids: workerd, run: () => load(graphql.worker, slice, { ...distinct, expectBody: bodies.worker }) },
    floor: { pids: workerd, run: () => load(`${url}/__floor/memory?key=${encodeURIComponent(floorKey)}`, slice, { expectBody: bodies.floor }) },
    apolloCache: { pids: [peer.pid], run: () => load(graphql.apolloCache, slice, { ...same, expectBody: bodies.apolloCache }) },
    apollo: { pids: [peer.pid], run: () => load(graphql.apollo, slice, { ...distinct, expectBody: bodies.apollo }) },
  };
  const slices = Object.fromEntries(PEER_TARGETS.map((t) => [t, [] as Array<{ figures: LoadFigures; cpuMs: number }>]));
  // Round 0 warms every target up (JIT, caches, connections) and is not counted.
  for (let round = 0; round <= settings.seconds; round++) {
    for (const name of PEER_TARGETS) {
      if (round === 0) {
        await targets[name].run();
        continue;
      }
      const { result, cpuMs } = await withCpu(targets[name].pids, targets[name].run);
      slices[name]!.push({ figures: result, cpuMs });
    }
  }
  const figures = Object.fromEntries(
    PEER_TARGETS.map((name) => {
      const runs = slices[name]!;
      const combined = combine(runs.map((r) => r.figures));
      const cpu = runs.reduce((n, r) => n + r.cpuMs, 0);
      return [name, { ...combined, cpuMsPerRequest: combined.requests > 0 ? cpu / combined.requests : NaN }];
    }),
  ) as Record<PeerTarget, TargetFigures>;
  return { name: op.name, sameFieldOrder: ordered(bodies.apollo) === ordered(expected), targets: figures };
}
