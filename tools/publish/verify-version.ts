import { decodeMembership, isVersionLocal, keyHash, splitKey } from '../../src/model/generations';
import { generationKey, versionPrefix } from '../../src/model/keys';
import { leafOfRange } from '../../src/model/list-ranges';
import type { KvWriter } from './kv-writer';
import { loadChain } from './load-chain';
import { generationsOf, pointerOf, PublishError, type VersionRecord } from './version-state';

/**
 * Before a rollback switches readers to a kept version: is everything it reaches still in KV?
 * A base version (or one recorded before generations) must hold its own keys. A delta version
 * reaches, through its chain, `reach` logical keys (counted at its publish); every key a delta
 * generation's membership names must be in that generation unless a newer generation of the
 * chain overrides it (the clean-up may have deleted those, collect-garbage.ts); a level-1
 * generation must hold every key its index says it wrote last.
 */
export async function verifyReach(kv: KvWriter, target: VersionRecord): Promise<void> {
  const refuse = (present: number, expected: number) =>
    new PublishError(`Version ${target.version} has ${present} of its ${expected} key(s) in KV; not switching.`);
  if (!target.chain?.length && !target.level1) {
    const listed = await kv.list(versionPrefix(target.version));
    const present = target.reach === undefined ? listed.length : listed.filter((k) => !isVersionLocal(splitKey(k)!.logical)).length;
    const expected = target.reach ?? target.keys;
    if (present !== expected) throw refuse(present, expected);
    return;
  }
  const reached = new Set<string>();
  const newer = new Set<number>();
  const level = (await loadChain(kv, pointerOf(target))).level;
  const chain = target.chain ?? [];
  for (const [i, generation] of generationsOf(target).entries()) {
    const logicals = (await kv.list(versionPrefix(generation))).map((k) => splitKey(k)!.logical).filter((l) => !isVersionLocal(l));
    logicals.forEach((l) => reached.add(l));
    const membership = chain[i] ? decodeMembership(chain[i].keys) : level?.has(generation) ? level.ownedBy(generation) : null;
    if (!membership) continue;
    // A generation's set also names the ranges of the leaves it wrote (src/model/list-ranges.ts), listed in its manifest: no keys of their own.
    const present = new Set(logicals);
    const manifest = JSON.parse((await kv.getMany([generationKey(generation)])).get(generationKey(generation)) ?? '{}') as { keys?: string[] };
    // A range goes with its leaf: present while the leaf is, overridden once a newer generation rewrote the leaf.
    const ranges = (manifest.keys ?? []).filter((n) => {
      const leaf = leafOfRange(n);
      return leaf !== null && (present.has(leaf) || newer.has(keyHash(leaf)));
    });
    const listed = new Set([...logicals, ...ranges].map(keyHash));
    const lost = membership.filter((h) => !listed.has(h) && !newer.has(h)).length;
    if (lost > 0) throw new PublishError(`Generation ${generation} of version ${target.version} lost ${lost} key(s); not switching.`);
    membership.forEach((h) => newer.add(h));
    listed.forEach((h) => newer.add(h));
  }
  if (target.reach !== undefined && reached.size !== target.reach) throw refuse(reached.size, target.reach);
}
