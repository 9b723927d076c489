import { bodyOf, combine, load, probe, type LoadFigures, type LoadSettings } from './measure';
import type { Operation } from './operations';
import type { OperationFigures } from './bench-results';

/**
 * One operation's row of `npm run bench`'s size table (bench/run.ts): the production worker
 * cold (the bench-only /__cold route: fresh isolate state every request), warm (its response
 * memo answers), warm but executed (a distinct variable each request), and the floor (the
 * operation's own response bytes without GraphQL, from KV and from memory), with the KV round
 * trips, keys and bytes of a cold and a warm request (x-kv-stats).
 */
export async function measureSizeOperation(url: string, op: Operation, settings: LoadSettings, log: (message: string) => void): Promise<OperationFigures> {
  const slice: LoadSettings = { ...settings, seconds: 1 };
  const cold = await probe(`${url}/__cold/graphql`, op);
  await probe(`${url}/graphql`, op);
  const warm = await probe(`${url}/graphql`, op);
  // The floor serves this very response: same bytes, same headers' kind, no GraphQL.
  const floorKey = `__floor:${op.name}`;
  await fetch(`${url}/__bench/put`, { method: 'POST', body: JSON.stringify([{ key: floorKey, value: warm.body }]) });
  const post = { method: 'POST' as const, body: bodyOf(op) };
  const targets = {
    cold: () => load(`${url}/__cold/graphql`, slice, post),
    warm: () => load(`${url}/graphql`, slice, post),
    warmExecuted: () => load(`${url}/graphql`, slice, { method: 'POST', bodyFor: (i) => bodyOf(op, i) }),
    floorKv: () => load(`${url}/__floor/kv?key=${encodeURIComponent(floorKey)}`, slice),
    floorMemory: () => load(`${url}/__floor/memory?key=${encodeURIComponent(floorKey)}`, slice),
  };
  // Interleaved: each figure is measured in `seconds` one-second slices taken in turn with
  // the others, so a burst of other load on the machine hits the worker and its floor alike.
  const slices: Record<keyof typeof targets, LoadFigures[]> = { cold: [], warm: [], warmExecuted: [], floorKv: [], floorMemory: [] };
  for (let round = 0; round < settings.seconds; round++) {
    for (const name of Object.keys(targets) as Array<keyof typeof targets>) slices[name].push(await targets[name]());
  }
  const figures: OperationFigures = {
    name: op.name,
    responseBytes: Buffer.byteLength(warm.body),
    kvCold: cold.kv,
    kvWarm: warm.kv,
    cold: combine(slices.cold),
    warm: combine(slices.warm),
    warmExecuted: combine(slices.warmExecuted),
    floorKv: combine(slices.floorKv),
    floorMemory: combine(slices.floorMemory),
  };
  log(`  ${op.name}: warm p50 ${figures.warm!.p50} ms, KV floor p50 ${figures.floorKv!.p50} ms`);
  return figures;
}
