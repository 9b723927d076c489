import type { VersionPointer } from '../../src/model/documents';
import { TOMBSTONE } from '../../src/model/generations';
import { HISTORY_KEY, POINTER_KEY } from '../../src/model/keys';
import type { KvWriter } from '../publish/kv-writer';
import { readResolved } from './resolve-keys';

/**
 * The published version an incremental publish starts from, read from KV: KV is the source of
 * truth, so a publish works on a fresh machine that has no build output. Keys are named
 * logically, without the `v:<version>:` prefix, and read as readers see them: through the
 * version's chain of generations (tools/delta/resolve-keys.ts, src/model/generations.ts).
 */
export interface PreviousVersion {
  pointer: VersionPointer;
  /** Versions kept in KV besides this one, newest first (tools/publish/publish.ts `history`). */
  kept: string[];
  /** JSON values of logical keys; null for a key the version does not have. */
  read<T>(logical: string[]): Promise<Map<string, T | null>>;
  /** Keys read so far (what the publish cost in reads). */
  readCount(): number;
}

/** The version `current` names, or null when KV holds none (then a publish builds in full). */
export async function previousFromKv(kv: KvWriter): Promise<PreviousVersion | null> {
  const state = await kv.getMany([POINTER_KEY, HISTORY_KEY]);
  const text = state.get(POINTER_KEY);
  if (text == null) return null;
  const pointer = JSON.parse(text) as VersionPointer;
  const history = JSON.parse(state.get(HISTORY_KEY) ?? '[]') as Array<{ version: string }>;
  const cache = new Map<string, unknown>();
  return {
    pointer,
    kept: history.map((h) => h.version).filter((v) => v !== pointer.version),
    async read<T>(logical: string[]) {
      const missing = [...new Set(logical)].filter((k) => !cache.has(k));
      if (missing.length > 0) {
        const values = await readResolved(kv, pointer, missing);
        for (const k of missing) {
          const value = values.get(k)?.value;
          cache.set(k, value == null || value === TOMBSTONE ? null : JSON.parse(value));
        }
      }
      return new Map(logical.map((k) => [k, cache.get(k) as T | null]));
    },
    readCount: () => cache.size,
  };
}
