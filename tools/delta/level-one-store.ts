import type { VersionPointer } from '../../src/model/documents';
import { generationKey } from '../../src/model/keys';
import { foldLevelOne, generationsToCheck, type FoldedGeneration, type LevelOne } from '../../src/model/level-one';
import type { KvWriter } from '../publish/kv-writer';
import type { GenerationManifest } from '../publish/collect-garbage';
import { loadChain } from '../publish/load-chain';
import { PublishError } from '../publish/version-state';

/** Folding a chain into level 1 (src/model/level-one.ts, docs/incremental-build.md) on the publishing side. */

/** The logical keys each generation wrote; a chain generation must have its manifest, an older one may not (its entries then stay). */
async function manifestKeys(kv: KvWriter, versions: string[], required: boolean): Promise<Map<string, string[]>> {
  const stored = await kv.getMany(versions.map(generationKey));
  const found = new Map<string, string[]>();
  for (const v of versions) {
    const text = stored.get(generationKey(v));
    if (text) found.set(v, (JSON.parse(text) as GenerationManifest).keys);
    else if (required) throw new PublishError(`Generation ${v} has no manifest (${generationKey(v)}); its chain cannot be folded. Publish in full (kv:load) instead.`);
  }
  return found;
}

/**
 * Level 1 once the parent's chain and the new generation (`newest`, the keys it wrote) are
 * folded into the parent's level 1. Reads the chain's generation manifests and those of the
 * older level-1 generations that share a hash with them (level-one.ts foldLevelOne).
 */
export async function nextLevelOne(kv: KvWriter, parent: VersionPointer, newest: FoldedGeneration): Promise<LevelOne> {
  const index = await loadChain(kv, parent);
  const old = index.level;
  const chainVersions = (parent.chain ?? []).map((g) => g.version);
  const stored = await manifestKeys(kv, chainVersions, true);
  const chain = [newest, ...chainVersions.map((version) => ({ version, keys: stored.get(version)! }))];
  return foldLevelOne(old, chain, await manifestKeys(kv, generationsToCheck(old, chain), false));
}
