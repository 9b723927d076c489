import { generationKey, levelOneKey, versionPrefix } from '../../src/model/keys';
import { splitKey } from '../../src/model/generations';
import type { KvWriter } from './kv-writer';
import { deltasOf, generationsOf, type VersionRecord } from './version-record';

/**
 * The clean-up after a switch (docs/publishing.md): deletes every key that no kept version can
 * reach any more, and counts what it deleted.
 *
 * - A generation no kept version names (no chain, no base) goes whole: its prefix is listed.
 * - A version that leaves the kept set while later versions still read its generation keeps
 *   its data keys but loses its own: node manifest and change lists.
 * - A key a delta generation overrode (its generation manifest lists the physical key it
 *   shadowed) goes once every kept version that names the key's generation also names an
 *   overriding delta. That set only grows while versions are published, so the keys newly in
 *   it since the previous kept set are exactly the ones still stored: the count is exact with
 *   no listing of a base. Each physical key is overridden by one generation (the next that wrote
 *   it), so a generation every version before and after names overrides keys dead in both:
 *   only the other manifests are read (level 1 names thousands of generations).
 * - A level-1 index (`g:1`) goes with its version once no kept version's pointer names it.
 */
export interface GenerationManifest {
  /** Logical keys the generation wrote, tombstones included. */
  keys: string[];
  /** The physical key each overrode in the parent's chain, when there was one. */
  shadows: string[];
}

async function readManifests(kv: KvWriter, versions: string[]): Promise<Map<string, GenerationManifest>> {
  const stored = await kv.getMany(versions.map(generationKey));
  const manifests = new Map<string, GenerationManifest>();
  for (const v of versions) {
    const text = stored.get(generationKey(v));
    if (text) manifests.set(v, JSON.parse(text) as GenerationManifest);
  }
  return manifests;
}

/** Physical keys overridden in every kept version that names their generation. */
function shadowed(kept: VersionRecord[], manifests: Map<string, GenerationManifest>): Set<string> {
  const views = kept.map((r) => ({
    generations: new Set(generationsOf(r)),
    shadowed: new Set(deltasOf(r).flatMap((g) => manifests.get(g)?.shadows ?? [])),
  }));
  const dead = new Set<string>();
  for (const view of views) {
    for (const key of view.shadowed) {
      const generation = splitKey(key)?.version ?? '';
      if (views.every((v) => !v.generations.has(generation) || v.shadowed.has(key))) dead.add(key);
    }
  }
  return dead;
}

export async function collectGarbage(kv: KvWriter, before: VersionRecord[], after: VersionRecord[], log: (line: string) => void): Promise<number> {
  const live = new Set(after.flatMap(generationsOf));
  const records = [...before, ...after];
  const everywhere = records.map((r) => new Set(deltasOf(r))).reduce((a, b) => new Set([...a].filter((g) => b.has(g))));
  const manifests = await readManifests(kv, [...new Set(records.flatMap(deltasOf))].filter((g) => !everywhere.has(g)));
  const wasDead = shadowed(before, manifests);
  const nowDead = [...shadowed(after, manifests)].filter((k) => !wasDead.has(k) && live.has(splitKey(k)?.version ?? ''));
  let deleted = 0;

  for (const generation of new Set(before.flatMap(generationsOf))) {
    if (live.has(generation)) continue;
    const keys = await kv.list(versionPrefix(generation));
    await kv.deleteMany(keys);
    deleted += keys.length;
    log(`deleted generation ${generation} (${keys.length} key(s))`);
  }
  const keptVersions = new Set(after.map((r) => r.version));
  for (const left of before) {
    if (keptVersions.has(left.version) || !live.has(left.version)) continue;
    const prefix = versionPrefix(left.version);
    // Change lists, and the node manifest's head (`m`) and shards (`m:<shard>`).
    const manifest = (await kv.list(`${prefix}m`)).filter((k) => k === `${prefix}m` || k.startsWith(`${prefix}m:`));
    const own = [...(await kv.list(`${prefix}c:`)), ...manifest];
    await kv.deleteMany(own);
    deleted += own.length;
    if (own.length > 0) log(`deleted ${own.length} key(s) of version ${left.version} its successors do not read`);
  }
  // Level-1 indexes the versions before named and none after names (their generation still live).
  const unnamed = new Set(before.flatMap((r) => (r.level1 ? [r.level1.version] : [])));
  for (const r of after) if (r.level1) unnamed.delete(r.level1.version);
  const indexes = [...unnamed].filter((v) => live.has(v)).map(levelOneKey);
  await kv.deleteMany(indexes);
  deleted += indexes.length;
  await kv.deleteMany(nowDead);
  deleted += nowDead.length;
  if (nowDead.length > 0) log(`deleted ${nowDead.length} overridden key(s) no kept version reads`);
  return deleted;
}
