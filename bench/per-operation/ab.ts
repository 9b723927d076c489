/**
 * Two builds of the worker, A (before a change) and B (after), measured in ONE interleaved run
 * on one machine: each in its own workerd over the KV state its own checkout's bench loaded
 * (the same generated corpus), every operation sent by persisted id as apps send it. A round
 * runs one one-second slice per target in ABBA order (A memo, B memo, B compiled, A compiled,
 * then reversed), so a burst of other load on a shared machine hits both builds alike; round 0
 * warms up and is not counted. The figure is CPU ms per request of each build's own workerd
 * (/proc utime + stime, bench/cpu-time.ts) and the median over rounds of B / A within a round.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { descendantsNamed, withCpu } from '../cpu-time';
import { load, type LoadSettings } from '../measure';
import type { Operation } from '../operations';
import { canonical } from '../peer/compare';
import { startRuntime } from '../runtime';
import { persistedBody } from './targets';

export interface Side {
  /** A checkout in which `npm run bench -- --per-operation --sizes 1000` has run. */
  dir: string;
  /** Its bench bundle (bench/.out/worker/floor-worker.js) and loaded KV (bench/.state/<key>/kv). */
  bundle: string;
  kvDir: string;
}

type Target = 'memo' | 'compiled';
export interface AbFigures {
  operation: string;
  /** Whether A's and B's first answers hold the same values (the builds may differ in data). */
  sameAnswer: boolean;
  cpuMsPerRequest: Record<'a' | 'b', Record<Target, number>>;
  /** Median over rounds of B's CPU ms per request over A's, measured back to back. */
  ratio: Record<Target, number>;
  /** The rounds' ratios' quartiles (25th, 75th): how far one round's load moves the ratio. */
  spread: Record<Target, [number, number]>;
}

/** The q-quantile by linear interpolation between closest ranks (R's type 7); NaN for none. */
export function quantile(xs: number[], q: number): number {
  const sorted = xs.filter(Number.isFinite).sort((x, y) => x - y);
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
}

/** The persisted id a checkout's build gave the operation named in `op`'s document. */
function idIn(dir: string, op: Operation): string {
  const definition = parse(op.query).definitions.find((d) => d.kind === 'OperationDefinition');
  const name = definition && 'name' in definition ? definition.name?.value : undefined;
  const manifest = JSON.parse(readFileSync(join(dir, 'public/persisted-query-manifest.json'), 'utf8')) as { operations: Array<{ id: string; name: string }> };
  const entry = manifest.operations.find((o) => o.name === name);
  if (!entry) throw new Error(`${op.name}: ${dir} has no persisted operation ${name}`);
  return entry.id;
}

/** The slice order of a round: ABBA, reversed every other round. */
export function abOrder(round: number): Array<['a' | 'b', Target]> {
  const order: Array<['a' | 'b', Target]> = [['a', 'memo'], ['b', 'memo'], ['b', 'compiled'], ['a', 'compiled']];
  return round % 2 === 1 ? order.reverse() : order;
}

export async function runAb(
  sides: { a: Side; b: Side },
  operations: Operation[],
  settings: LoadSettings,
  log: (message: string) => void,
): Promise<AbFigures[]> {
  const before = new Set(descendantsNamed(process.pid, 'workerd'));
  const a = await startRuntime(sides.a.bundle, sides.a.kvDir, {}, 0);
  const aPids = descendantsNamed(process.pid, 'workerd').filter((p) => !before.has(p));
  const b = await startRuntime(sides.b.bundle, sides.b.kvDir, {}, 2);
  const bPids = descendantsNamed(process.pid, 'workerd').filter((p) => !before.has(p) && !aPids.includes(p));
  const figures: AbFigures[] = [];
  try {
    for (const [i, op] of operations.entries()) {
      const url = { a: `${a.url}/graphql`, b: `${b.url}/graphql` };
      const id = { a: idIn(sides.a.dir, op), b: idIn(sides.b.dir, op) };
      const first = async (side: 'a' | 'b', nonce?: number) =>
        (await fetch(url[side], { method: 'POST', headers: { 'content-type': 'application/json' }, body: persistedBody(op, id[side], nonce) })).text();
      const firsts = { a: await first('a'), b: await first('b') };
      const sameAnswer = canonical(firsts.a) === canonical(firsts.b);
      const equivalent = { a: (body: string) => canonical(body) === canonical(firsts.a), b: (body: string) => canonical(body) === canonical(firsts.b) };
      const run = (side: 'a' | 'b', target: Target) =>
        target === 'memo'
          ? load(url[side], { ...settings, seconds: 1 }, { method: 'POST', body: persistedBody(op, id[side]), expectBody: firsts[side], equivalent: equivalent[side] })
          : load(url[side], { ...settings, seconds: 1 }, { method: 'POST', bodyFor: (n) => persistedBody(op, id[side], n), equivalent: equivalent[side], expectBody: firsts[side] });
      const perRound: Array<Record<string, number>> = [];
      const totals = { a: { memo: { cpu: 0, requests: 0 }, compiled: { cpu: 0, requests: 0 } }, b: { memo: { cpu: 0, requests: 0 }, compiled: { cpu: 0, requests: 0 } } };
      log(`${op.name} (${i + 1}/${operations.length})${sameAnswer ? '' : ': A and B answer differently (data of two builds)'}`);
      for (let round = 0; round <= settings.seconds; round++) {
        const slice: Record<string, number> = {};
        for (const [side, target] of abOrder(round)) {
          const { result, cpuMs } = await withCpu(side === 'a' ? aPids : bPids, () => run(side, target));
          if (result.failures > 0) throw new Error(`${op.name}: ${side} ${target}: ${result.failures} failed answers`);
          slice[`${side}.${target}`] = result.requests > 0 ? cpuMs / result.requests : NaN;
          if (round > 0) {
            totals[side][target].cpu += cpuMs;
            totals[side][target].requests += result.requests;
          }
        }
        if (round > 0) perRound.push(slice);
      }
      const per = (side: 'a' | 'b') => ({ memo: totals[side].memo.cpu / totals[side].memo.requests, compiled: totals[side].compiled.cpu / totals[side].compiled.requests });
      const ratios = (target: Target) => perRound.map((s) => s[`b.${target}`]! / s[`a.${target}`]!);
      const spread = (target: Target): [number, number] => [quantile(ratios(target), 0.25), quantile(ratios(target), 0.75)];
      const result: AbFigures = {
        operation: op.name,
        sameAnswer,
        cpuMsPerRequest: { a: per('a'), b: per('b') },
        ratio: { memo: quantile(ratios('memo'), 0.5), compiled: quantile(ratios('compiled'), 0.5) },
        spread: { memo: spread('memo'), compiled: spread('compiled') },
      };
      log(`  memo ${result.cpuMsPerRequest.a.memo.toFixed(3)} → ${result.cpuMsPerRequest.b.memo.toFixed(3)} ms (B/A ${result.ratio.memo.toFixed(2)}), compiled ${result.cpuMsPerRequest.a.compiled.toFixed(3)} → ${result.cpuMsPerRequest.b.compiled.toFixed(3)} ms (B/A ${result.ratio.compiled.toFixed(2)})`);
      figures.push(result);
    }
  } finally {
    await a.stop();
    await b.stop();
  }
  return figures;
}
