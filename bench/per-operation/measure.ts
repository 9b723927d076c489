/**
 * One operation, six targets (./targets.ts), measured in interleaved one-second slices: each
 * round runs every target once (in the order of bench/per-operation/report.ts roundOrder), so a burst of other load on
 * the shared machine hits them alike; round 0 warms every target up (JIT, caches, connections)
 * and is not counted. CPU ms
 * per request is the serving process's /proc utime + stime over the slice (bench/cpu-time.ts):
 * workerd for the worker and the floor, the peer's Node process for Apollo.
 *
 * Every answer is checked against Apollo's: each target's first answer must hold Apollo's
 * values (key order aside, see bench/peer/compare.ts `canonical`), and every answer under
 * load must be byte-identical to that first one or hold the same values; anything else is
 * counted as an error. Each target is checked to take its path: the memo target the early
 * path (`x-memo: HIT`), the compiled one the compiled executor (`x-graphql-executor`), the
 * graphql-js one not.
 */
import { combine, load, type LoadFigures, type LoadSettings } from '../measure';
import type { Operation } from '../operations';
import { descendantsNamed, withCpu } from '../cpu-time';
import { answer, canonical, checkSameValues, type Peer } from '../peer/compare';
import { roundOrder, type OperationFigures, type SliceFigures, type TargetFigures as ReportFigures } from './report';
import { persistedBody, persistedOf, TARGETS, textBody, type Target } from './targets';

/** Figures as the report reads them, with all of autocannon's (failure kinds, p99) kept in the JSON. */
type TargetFigures = LoadFigures & ReportFigures;


export interface WorkerUrls {
  /** The bench runtime's base URL (bench/worker/floor-worker.ts). */
  base: string;
  /** The warm worker, COMPILED_OPERATIONS as configured. */
  compiled: string;
  /** The second warm worker, COMPILED_OPERATIONS=off. */
  graphqlJs: string;
}

/**
 * The headers that say how the worker answered: src/http/response-headers.ts MEMO_HEADER and
 * COMPILED_HEADER (those modules need the Workers
 * types, which bench/ does not load).
 */
const MEMO_HEADER = 'x-memo';
const COMPILED_HEADER = 'x-graphql-executor';

async function headerOf(url: string, body: string, name: string): Promise<string | null> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await response.arrayBuffer();
  return response.headers.get(name);
}

/** Throws unless each request is answered the way its target is meant to be. */
async function checkPaths(urls: WorkerUrls, op: Operation, id: string, compilerPresent: boolean): Promise<void> {
  const expect = async (what: string, url: string, body: string, name: string, want: string | null) => {
    const got = await headerOf(url, body, name);
    if (got !== want) throw new Error(`${op.name}: ${what}: ${name} is ${got}, not ${want}`);
  };
  await expect('a repeated request', urls.compiled, persistedBody(op, id), MEMO_HEADER, 'HIT');
  await expect('a distinct request', urls.compiled, persistedBody(op, id, -1), MEMO_HEADER, null);
  await expect('the compiled worker', urls.compiled, persistedBody(op, id, -2), COMPILED_HEADER, compilerPresent ? 'compiled' : null);
  await expect('the graphql-js worker', urls.graphqlJs, persistedBody(op, id, -2), COMPILED_HEADER, null);
}

export async function measureOperation(
  urls: WorkerUrls,
  peer: Peer,
  op: Operation,
  settings: LoadSettings,
  log: (message: string) => void,
  compilerPresent: boolean,
): Promise<OperationFigures & { targets: Record<Target, TargetFigures> }> {
  const slice = { ...settings, seconds: 1 };
  const { id, body: document } = persistedOf(op);
  const workerd = descendantsNamed(process.pid, 'workerd');
  const expected = await answer(peer.plain, textBody(op, document, 0));
  const worker = await answer(urls.compiled, persistedBody(op, id));
  const floorKey = `__floor:${op.name}`;
  await fetch(`${urls.base}/__bench/put`, { method: 'POST', body: JSON.stringify([{ key: floorKey, value: worker }]) });
  const floorUrl = `${urls.base}/__floor/memory?key=${encodeURIComponent(floorKey)}`;
  const firsts: Record<Target, string> = {
    memo: worker,
    compiled: await answer(urls.compiled, persistedBody(op, id, 0)),
    graphqlJs: await answer(urls.graphqlJs, persistedBody(op, id, 0)),
    apollo: expected,
    apolloCache: await answer(peer.cached, textBody(op, document)),
    floor: await fetch(floorUrl).then((r) => r.text()),
  };
  const want = canonical(expected);
  for (const target of TARGETS) checkSameValues(`${op.name}: ${target}`, firsts[target], 'Apollo', expected);
  await checkPaths(urls, op, id, compilerPresent);

  const equivalent = (body: string) => canonical(body) === want;
  const same = (body: string, first: string) => ({ method: 'POST' as const, body, equivalent, expectBody: first });
  const distinct = (bodyFor: (i: number) => string, first: string) => ({ method: 'POST' as const, bodyFor, equivalent, expectBody: first });
  const targets: Record<Target, { pids: number[]; run: () => Promise<LoadFigures> }> = {
    memo: { pids: workerd, run: () => load(urls.compiled, slice, same(persistedBody(op, id), firsts.memo)) },
    compiled: { pids: workerd, run: () => load(urls.compiled, slice, distinct((i) => persistedBody(op, id, i), firsts.compiled)) },
    graphqlJs: { pids: workerd, run: () => load(urls.graphqlJs, slice, distinct((i) => persistedBody(op, id, i), firsts.graphqlJs)) },
    apollo: { pids: [peer.pid], run: () => load(peer.plain, slice, distinct((i) => textBody(op, document, i), firsts.apollo)) },
    apolloCache: { pids: [peer.pid], run: () => load(peer.cached, slice, same(textBody(op, document), firsts.apolloCache)) },
    floor: { pids: workerd, run: () => load(floorUrl, slice, { expectBody: firsts.floor, equivalent }) },
  };
  const slices = Object.fromEntries(TARGETS.map((t) => [t, [] as Array<{ figures: LoadFigures; cpuMs: number }>])) as Record<Target, Array<{ figures: LoadFigures; cpuMs: number }>>;
  const rounds: Array<Record<Target, SliceFigures>> = [];
  for (let round = 0; round <= settings.seconds; round++) {
    const line: string[] = [];
    const slicesOfRound = {} as Record<Target, SliceFigures>;
    for (const name of roundOrder(round)) {
      const { result, cpuMs } = await withCpu(targets[name].pids, targets[name].run);
      if (round > 0) slices[name].push({ figures: result, cpuMs });
      // A slice that completed no request has no figure per request (NaN: left out of the medians).
      slicesOfRound[name] = { rps: result.rps, cpuMsPerRequest: result.requests > 0 ? cpuMs / result.requests : NaN };
      line.push(`${name} ${Math.round(result.rps)}/s ${(cpuMs / Math.max(1, result.requests)).toFixed(2)} ms`);
    }
    if (round > 0) rounds.push(slicesOfRound);
    log(`  ${op.name} round ${round}/${settings.seconds}${round === 0 ? ' (warm-up)' : ''}: ${line.join(', ')}`);
  }
  const figures = Object.fromEntries(
    TARGETS.map((name) => {
      const combined = combine(slices[name].map((s) => s.figures));
      const cpu = slices[name].reduce((n, s) => n + s.cpuMs, 0);
      return [name, { ...combined, cpuMsPerRequest: combined.requests > 0 ? cpu / combined.requests : NaN }];
    }),
  ) as Record<Target, TargetFigures>;
  return { name: op.name, responseBytes: Buffer.byteLength(worker), targets: figures, rounds };
}
