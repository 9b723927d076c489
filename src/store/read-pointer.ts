import type { VersionPointer } from '../model/documents';
import { attachLevelOne, attachParentChain, chainIndex, chainReady } from '../model/generations';
import { LevelOne } from '../model/level-one';
import type { IsolateState } from './isolate-state';
import { levelOneKey, POINTER_KEY } from '../model/keys';
import { NoDataVersion } from '../model/domain-errors';

/**
 * The data-version pointer as KV holds it (the one key that changes: docs/publishing.md), for
 * KvStore (kv-store.ts), which counts the read and keeps the value for the isolate. Every way
 * it can fail is NoDataVersion, which src/errors.ts answers with 503 and "retry later": the
 * read failing, no pointer published yet, or a value that is not JSON naming a version.
 */
export async function readPointerKey(kv: KVNamespace): Promise<VersionPointer> {
  let text: string | null;
  try {
    text = await kv.get(POINTER_KEY, 'text');
  } catch {
    throw new NoDataVersion('Reading the data-version pointer failed; retry later.');
  }
  if (text === null) throw new NoDataVersion('No data version has been published yet; retry later.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof (value as VersionPointer | undefined)?.version !== 'string') {
    throw new NoDataVersion('The data-version pointer is unreadable; retry later.');
  }
  return value as VersionPointer;
}

/**
 * The level-1 index a pointer names (src/model/level-one.ts), read beside it; null when it is
 * not readable yet (KV may show the pointer before the index elsewhere) or not valid.
 */
export async function readLevelOneKey(kv: KVNamespace, version: string): Promise<LevelOne | null> {
  try {
    const text = await kv.get(levelOneKey(version), 'text');
    return text === null ? null : LevelOne.decode(text);
  } catch {
    return null;
  }
}

/**
 * Gives `pointer` the level-1 index it names: the one the isolate holds when it is the same
 * (read once per fold per isolate), else read (`counted` once). False when it is not readable.
 */
export async function withLevelOne(kv: KVNamespace, isolate: IsolateState, pointer: VersionPointer, counted: () => void): Promise<boolean> {
  const version = pointer.level1!.version;
  let held = isolate.levelOne?.version === version ? isolate.levelOne.value : null;
  if (!held) {
    counted();
    held = await readLevelOneKey(kv, version);
    if (!held) return false;
    isolate.levelOne = { version, value: held };
  }
  attachLevelOne(pointer, held);
  return true;
}

/**
 * Carries the chain of the version a new base was compacted from (the pointer this isolate
 * held just before) to that base and the deltas on it, so answers kept from before the
 * compaction are still checked key by key (src/model/answer-reads.ts stillHolds). An isolate
 * that did not see that version has no such chain: its older answers are recomputed.
 */
export function followLineage(isolate: IsolateState, read: VersionPointer, kept: VersionPointer | undefined): void {
  const from = read.baseParent?.version;
  if (kept && from === kept.version && chainReady(kept)) isolate.parentChain = chainIndex(kept);
  if (from !== undefined && isolate.parentChain?.pointer.version === from) attachParentChain(read, isolate.parentChain);
  else isolate.parentChain = undefined;
}
