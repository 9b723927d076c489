import { decodeMembership, isVersionLocal, keyHash, splitKey } from '../../src/model/generations';
import { versionPrefix } from '../../src/model/keys';
import { rangeNames } from '../../src/model/list-ranges';
import type { KvWriter } from './kv-writer';
import { generationsOf, PublishError, type VersionRecord } from './version-state';

/**
 * Before a rollback switches readers to a kept version: is everything it reaches still in KV?
 * A base version (or one recorded before generations) must hold its own keys. A delta version
 * reaches, through its chain, `reach` logical keys (counted at its publish); every key a delta
 * generation's membership names must be in that generation unless a newer generation of the
 * chain overrides it (the clean-up may have deleted those, collect-garbage.ts).
 */
export async function verifyReach(kv: KvWriter, target: VersionRecord): Promise<void> {
  const refuse = (present: number, expected: number) =>
    new PublishError(`Version ${target.version} has ${present} of its ${expected} key(s) in KV; not switching.`);
  if (!target.chain?.length) {
    const listed = await kv.list(versionPrefix(target.version));
    const present = target.reach === undefined ? listed.length : listed.filter((k) => !isVersionLocal(splitKey(k)!.logical)).length;
    const expected = target.reach ?? target.keys;
    if (present !== expected) throw refuse(present, expected);
    return;
  }
  const reached = new Set<string>();
  const newer = new Set<number>();
  const generations = generationsOf(target);
  for (const [i, generation] of generations.entries()) {
    const logicals = (await kv.list(versionPrefix(generation))).map((k) => splitKey(k)!.logical).filter((l) => !isVersionLocal(l));
    logicals.forEach((l) => reached.add(l));
    const membership = target.chain[i];
    if (!membership) continue;
    // A generation's set also names the ranges of the leaves it wrote (src/model/list-ranges.ts): no keys of their own.
    const listed = new Set(logicals.flatMap((l) => [l, ...rangeNames(l)]).map(keyHash));
    const lost = decodeMembership(membership.keys).filter((h) => !listed.has(h) && !newer.has(h)).length;
    if (lost > 0) throw new PublishError(`Generation ${generation} of version ${target.version} lost ${lost} key(s); not switching.`);
    decodeMembership(membership.keys).forEach((h) => newer.add(h));
    listed.forEach((h) => newer.add(h));
  }
  if (target.reach !== undefined && reached.size !== target.reach) throw refuse(reached.size, target.reach);
}
