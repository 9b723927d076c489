import type { VersionPointer } from '../../src/model/documents';
import { attachLevelOne, chainIndex, chainReady, type ChainIndex } from '../../src/model/generations';
import { levelOneKey } from '../../src/model/keys';
import { LevelOne } from '../../src/model/level-one';
import type { KvWriter } from './kv-writer';
import { PublishError } from './version-state';

/**
 * A pointer's chain with its level 1 (src/model/level-one.ts) read and attached, as the worker
 * reads it beside the pointer (src/store/kv-store.ts): what readers of that version see.
 */
export async function loadChain(kv: KvWriter, pointer: VersionPointer): Promise<ChainIndex> {
  if (!chainReady(pointer)) {
    const key = levelOneKey(pointer.level1!.version);
    const text = (await kv.getMany([key])).get(key);
    if (!text) throw new PublishError(`Version ${pointer.version} names the level-1 index ${key}, which KV does not hold; roll back to a version that is complete.`);
    attachLevelOne(pointer, LevelOne.decode(text));
  }
  return chainIndex(pointer);
}
