import type { VersionPointer } from '../../src/model/documents';
import { HISTORY_KEY, POINTER_KEY, versionPrefix } from '../../src/model/keys';
import { collectGarbage } from './collect-garbage';
import type { KvPair, KvWriter } from './kv-writer';
import type { VersionRecord } from './version-record';

export { generationsOf, type VersionRecord } from './version-record';

/**
 * What publish.ts and publish-delta.ts share: the pointer and `history` they read, the
 * read-back check, and the switch (history, then the one pointer write readers follow, then
 * the clean-up of what no kept version reaches).
 *
 * `history` lists the versions still in KV, newest publication first. The current version and
 * at least KEEP_PREVIOUS before it stay readable.
 */
export const KEEP_PREVIOUS = 2;

export class PublishError extends Error {}

export interface VersionState {
  current: VersionPointer | null;
  history: VersionRecord[];
}

export async function readState(kv: KvWriter): Promise<VersionState> {
  const values = await kv.getMany([POINTER_KEY, HISTORY_KEY]);
  const parse = <T>(key: string): T | null => {
    const text = values.get(key);
    if (text == null) return null;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new PublishError(`KV key "${key}" holds invalid JSON; fix or delete it before publishing.`);
    }
  };
  return { current: parse<VersionPointer>(POINTER_KEY), history: parse<VersionRecord[]>(HISTORY_KEY) ?? [] };
}

/** Keys of `entries` that KV does not hold with exactly the value written. */
export async function unwritten(kv: KvWriter, entries: KvPair[]): Promise<string[]> {
  const stored = await kv.getMany(entries.map((e) => e.key));
  return entries.filter((e) => stored.get(e.key) !== e.value).map((e) => e.key);
}

/**
 * Writes the `entries` KV does not already hold as written (so a rerun after an interrupted
 * upload resumes it: a KV read costs a tenth of a write, and a key takes one write a second),
 * reads them all back, and refuses to go on when one is not there as written.
 */
export async function writeChecked(kv: KvWriter, version: string, entries: KvPair[], current: string | undefined): Promise<void> {
  const todo = new Set(await unwritten(kv, entries));
  await kv.putMany(entries.filter((e) => todo.has(e.key)));
  const missing = await unwritten(kv, entries);
  if (missing.length > 0) {
    throw new PublishError(
      `${missing.length} of ${entries.length} key(s) of version ${version} did not read back as written ` +
        `(first: ${missing[0]}); the pointer still names ${current ?? 'nothing'}.`,
    );
  }
}

export function pointerOf(record: VersionRecord): VersionPointer {
  const { keys: _keys, reach: _reach, folded: _folded, ...pointer } = record;
  return pointer;
}

export interface SwitchResult {
  dropped: VersionRecord[];
  deletedKeys: number;
}

/**
 * Makes `record` the current version: history first, then the pointer (the one write readers
 * observe), then deletes the keys no kept version reaches any more (collect-garbage.ts).
 */
export async function switchTo(kv: KvWriter, record: VersionRecord, state: VersionState, log: (line: string) => void): Promise<SwitchResult> {
  const { current, history } = state;
  const others = history.filter((h) => h.version !== record.version && h.version !== current?.version);
  // A version loaded before there was a history (or by hand) is recorded as found.
  const leaving =
    history.find((h) => h.version === current?.version) ??
    (current ? { ...current, keys: (await kv.list(versionPrefix(current.version))).length } : undefined);
  const next = [record, ...(leaving && leaving.version !== record.version ? [leaving] : []), ...others];
  const kept = next.slice(0, 1 + KEEP_PREVIOUS);
  const dropped = next.slice(1 + KEEP_PREVIOUS);

  await kv.putMany([{ key: HISTORY_KEY, value: JSON.stringify(kept) }]);
  await kv.putMany([{ key: POINTER_KEY, value: JSON.stringify(pointerOf(record)) }]);
  log(`pointer -> ${record.version} (was ${current?.version ?? 'nothing'})`);

  const before = [...(leaving ? [leaving] : []), ...history.filter((h) => h.version !== leaving?.version)];
  const deletedKeys = await collectGarbage(kv, before, kept, log);
  return { dropped, deletedKeys };
}
