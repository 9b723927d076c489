import type { VersionPointer } from '../../src/model/documents';
import { TOMBSTONE } from '../../src/model/generations';
import { POINTER_KEY } from '../../src/model/keys';
import type { KvWriter } from '../publish/kv-writer';
import { loadChain } from '../publish/load-chain';

/**
 * What a reader of `pointer` sees for each logical key, read the way src/store/kv-store.ts
 * reads it (the newest generation of the chain holding the key, then level 1, then the base), for the
 * publishing side: the key a delta overrides, a compaction's copy, an incremental build's
 * look at the current list heads. One bulk read per round; a false hash match adds a round.
 */
export interface Resolved {
  /** The physical key the value was found at. */
  physical: string;
  /** The stored value; TOMBSTONE ('') when the key was deleted. */
  value: string;
}

export async function readResolved(kv: KvWriter, pointer: VersionPointer, logicals: string[]): Promise<Map<string, Resolved | null>> {
  const index = await loadChain(kv, pointer);
  const found = new Map<string, Resolved | null>();
  let pending = logicals.map((logical) => ({ logical, candidates: index.candidates(`v:${pointer.version}:${logical}`) }));
  while (pending.length > 0) {
    const stored = await kv.getMany(pending.map((p) => p.candidates[0]!));
    const next: typeof pending = [];
    for (const p of pending) {
      const physical = p.candidates[0]!;
      const value = stored.get(physical) ?? null;
      if (value === null && p.candidates.length > 1) next.push({ logical: p.logical, candidates: p.candidates.slice(1) });
      else found.set(p.logical, value === null ? null : { physical, value });
    }
    pending = next;
  }
  return found;
}

/**
 * The current version's values of `logicals` (null: absent or deleted), for an incremental
 * build that needs what readers see now (tools/delta/). Null too when nothing is
 * published yet.
 */
export async function readCurrent(kv: KvWriter, logicals: string[]): Promise<{ pointer: VersionPointer | null; values: Map<string, string | null> }> {
  const text = (await kv.getMany([POINTER_KEY])).get(POINTER_KEY);
  if (!text) return { pointer: null, values: new Map(logicals.map((l) => [l, null])) };
  const pointer = JSON.parse(text) as VersionPointer;
  const resolved = await readResolved(kv, pointer, logicals);
  const values = new Map<string, string | null>();
  for (const [logical, r] of resolved) values.set(logical, r && r.value !== TOMBSTONE ? r.value : null);
  return { pointer, values };
}
