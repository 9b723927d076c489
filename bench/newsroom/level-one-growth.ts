/**
 * Level 1's real growth over the day (docs/incremental-build.md, "Level 1"), read from the KV
 * the desk publishes into: after each publish, the logical keys its generation manifest (`g`)
 * names, gathered into the set of keys written since the base (what level 1 holds at the next
 * fold, hash collisions apart); and after each fold, the index the fold wrote (`g:1`): its
 * entries, generations and stored bytes. The scale model (bench/scale-publishing.ts) takes its
 * growth per publish from here instead of counting every delta key as new to level 1.
 */
import type { VersionPointer } from '../../src/model/documents';
import { generationKey, levelOneKey, POINTER_KEY } from '../../src/model/keys';
import type { GenerationManifest } from '../../tools/publish/collect-garbage';
import type { KvWriter } from '../../tools/publish/kv-writer';

/** One fold of the day, as its index was stored. */
export interface LevelOneFold {
  /** The publish (1-based) that folded. */
  publish: number;
  /** Publishes since the base (the day begins on the loaded corpus, a base: level 1 empty). */
  publishesSinceBase: number;
  entries: number;
  generations: number;
  /** The stored index's length (UTF-8 bytes of `v:<version>:g:1`). */
  bytes: number;
  /** Entries this fold added to level 1. */
  added: number;
  /** Logical keys the folded generations' manifests named, each counted once per generation (the scale model's old upper bound). */
  keysWritten: number;
  /** The same since the base. */
  writtenSinceBase: number;
}

export interface LevelOneDay {
  folds: LevelOneFold[];
  /** Per publish: distinct logical keys written since the base, and keys the manifests named in all (repeats counted). */
  perPublish: Array<{ distinct: number; written: number }>;
}

/** Follows the day's publishes; `observe` after each. */
export function levelOneTracker(kv: KvWriter) {
  const since = new Set<string>();
  const day: LevelOneDay = { folds: [], perPublish: [] };
  let written = 0;
  let writtenAtFold = 0;
  let lastIndex: string | undefined;
  let baseAt = 0;
  return {
    day,
    /** `compacted`: the publish wrote a new base, which empties level 1. */
    async observe(publish: number, compacted: boolean): Promise<LevelOneFold | undefined> {
      const pointer = JSON.parse((await kv.getMany([POINTER_KEY])).get(POINTER_KEY)!) as VersionPointer;
      if (compacted) {
        since.clear();
        [written, writtenAtFold, baseAt, lastIndex] = [0, 0, publish, undefined];
        day.perPublish.push({ distinct: 0, written: 0 });
        return undefined;
      }
      const manifest = (await kv.getMany([generationKey(pointer.version)])).get(generationKey(pointer.version));
      const keys = manifest ? (JSON.parse(manifest) as GenerationManifest).keys : [];
      for (const key of keys) since.add(key);
      written += keys.length;
      day.perPublish.push({ distinct: since.size, written });
      const level = pointer.level1;
      if (!level || level.version === lastIndex) return undefined;
      const text = (await kv.getMany([levelOneKey(level.version)])).get(levelOneKey(level.version)) ?? '';
      const previous = baseAt < (day.folds.at(-1)?.publish ?? 0) ? day.folds.at(-1)!.entries : 0;
      const fold: LevelOneFold = {
        publish, publishesSinceBase: publish - baseAt, entries: level.entries, generations: level.generations,
        bytes: Buffer.byteLength(text), added: level.entries - previous, keysWritten: written - writtenAtFold, writtenSinceBase: written,
      };
      lastIndex = level.version;
      writtenAtFold = written;
      day.folds.push(fold);
      return fold;
    },
  };
}

/** Level 1's measured growth: entries per publish and stored bytes per entry at the day's last fold; null before any fold. */
export function measuredGrowth(day: LevelOneDay | undefined): { entriesPerPublish: number; bytesPerEntry: number; keysPerPublish: number; publishesPerFold: number; folds: number } | null {
  const last = day?.folds.at(-1);
  if (!day || !last || last.entries === 0) return null;
  return {
    entriesPerPublish: last.entries / last.publishesSinceBase,
    bytesPerEntry: last.bytes / last.entries,
    keysPerPublish: last.writtenSinceBase / last.publishesSinceBase,
    publishesPerFold: last.publishesSinceBase / day.folds.length,
    folds: day.folds.length,
  };
}
