import type { VersionPointer } from '../../src/model/documents';
import { chunkChanges, diffManifests, type NodeManifest } from '../../src/model/changes';
import { CHANGES_CHUNK_SIZE, changesKey, HISTORY_KEY, nodeManifestKey, POINTER_KEY, versionPrefix } from '../../src/model/keys';
import type { KvPair, KvWriter } from './kv-writer';

/**
 * Publishing a data version the way an immutable store does: write the new version under
 * its own keys, read every key back, and only then switch the one pointer readers follow
 * (KV is eventually consistent; a pointer switch is the only change readers can observe).
 * A failure anywhere before the switch leaves readers on the old version with nothing lost.
 *
 * `history` lists the complete versions still in KV, newest publication first, with their
 * key counts. The current version and at least KEEP_PREVIOUS before it stay; older ones are
 * deleted after the switch. `rollback` points readers back at a kept version once its keys
 * are checked to be all there.
 */
export const KEEP_PREVIOUS = 2;

export interface VersionRecord extends VersionPointer {
  keys: number;
}

export interface DataToPublish {
  pointer: VersionPointer;
  /** Every key of the version, values as stored (JSON text); the pointer is not among them. */
  entries: KvPair[];
}

export class PublishError extends Error {}

export interface PublishResult {
  status: 'published' | 'unchanged';
  previous: string | null;
  deletedVersions: string[];
}

async function readState(kv: KvWriter): Promise<{ current: VersionPointer | null; history: VersionRecord[] }> {
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
async function unwritten(kv: KvWriter, entries: KvPair[]): Promise<string[]> {
  const stored = await kv.getMany(entries.map((e) => e.key));
  return entries.filter((e) => stored.get(e.key) !== e.value).map((e) => e.key);
}

export async function publish(kv: KvWriter, data: DataToPublish, log: (line: string) => void = () => {}): Promise<PublishResult> {
  const { version } = data.pointer;
  const prefix = versionPrefix(version);
  const stray = data.entries.find((e) => !e.key.startsWith(prefix));
  if (stray) throw new PublishError(`Key ${stray.key} is not under version ${version}; refusing to publish.`);

  const { current, history } = await readState(kv);
  if (current?.version === version && (await unwritten(kv, data.entries)).length === 0) {
    log(`version ${version} is already published and complete`);
    return { status: 'unchanged', previous: version, deletedVersions: [] };
  }

  const others = history.filter((h) => h.version !== version && h.version !== current?.version);
  const since = [current?.version, ...others.map((h) => h.version)].filter((v): v is string => !!v && v !== version);
  const changes = await changeEntries(kv, data, since.slice(0, KEEP_PREVIOUS), log);
  const entries = [...data.entries, ...changes];

  await kv.putMany(entries);
  const missing = await unwritten(kv, entries);
  if (missing.length > 0) {
    throw new PublishError(
      `${missing.length} of ${entries.length} key(s) of version ${version} did not read back as written ` +
        `(first: ${missing[0]}); the pointer still names ${current?.version ?? 'nothing'}.`,
    );
  }
  log(`version ${version}: ${entries.length} key(s) written and read back`);

  // The new version first, then the one readers leave, then the rest, newest first.
  const record: VersionRecord = { ...data.pointer, keys: entries.length };
  // A version loaded before there was a history (or by hand) is recorded as found.
  const leaving =
    history.find((h) => h.version === current?.version) ??
    (current ? { ...current, keys: (await kv.list(versionPrefix(current.version))).length } : undefined);
  const next = [record, ...(leaving ? [leaving] : []), ...others];
  const kept = next.slice(0, 1 + KEEP_PREVIOUS);
  const dropped = next.slice(1 + KEEP_PREVIOUS);

  await kv.putMany([{ key: HISTORY_KEY, value: JSON.stringify(kept) }]);
  await kv.putMany([{ key: POINTER_KEY, value: JSON.stringify(data.pointer) }]);
  log(`pointer -> ${version} (was ${current?.version ?? 'nothing'})`);

  for (const old of dropped) {
    const keys = await kv.list(versionPrefix(old.version));
    await kv.deleteMany(keys);
    log(`deleted version ${old.version} (${keys.length} key(s))`);
  }
  return { status: 'published', previous: current?.version ?? null, deletedVersions: dropped.map((d) => d.version) };
}

/**
 * Delta sync (src/model/changes.ts): the new version's changes against each version that stays
 * kept, diffed from their node manifests. A version without a manifest (built before delta
 * sync) gets no change list: apps holding it are told to refresh fully.
 */
async function changeEntries(kv: KvWriter, data: DataToPublish, since: string[], log: (line: string) => void): Promise<KvPair[]> {
  const { version } = data.pointer;
  const own = data.entries.find((e) => e.key === nodeManifestKey(version));
  if (!own || since.length === 0) return [];
  const after = JSON.parse(own.value) as NodeManifest;
  const stored = await kv.getMany(since.map(nodeManifestKey));
  const entries: KvPair[] = [];
  for (const old of since) {
    const text = stored.get(nodeManifestKey(old));
    if (text == null) continue;
    const changes = diffManifests(JSON.parse(text) as NodeManifest, after);
    chunkChanges(changes, CHANGES_CHUNK_SIZE).forEach((chunk, i) =>
      entries.push({ key: changesKey(version, old, i), value: JSON.stringify(chunk) }),
    );
    log(`version ${version}: ${changes.length} change(s) since ${old}`);
  }
  return entries;
}

/**
 * Points readers at a kept version: the one before the current by default. Refuses a version
 * that is not in the history or whose keys are not all in KV.
 */
export async function rollback(kv: KvWriter, to?: string, log: (line: string) => void = () => {}): Promise<VersionRecord> {
  const { current, history } = await readState(kv);
  const at = history.findIndex((h) => h.version === current?.version);
  const target = to ? history.find((h) => h.version === to) : history.find((_, i) => i !== at && i > at);
  if (!target) {
    const kept = history.map((h) => h.version).join(', ') || 'none';
    throw new PublishError(`No kept version ${to ?? 'before the current one'} to roll back to (kept: ${kept}).`);
  }
  const present = (await kv.list(versionPrefix(target.version))).length;
  if (present !== target.keys) {
    throw new PublishError(`Version ${target.version} has ${present} of its ${target.keys} key(s) in KV; not switching.`);
  }
  const { keys: _keys, ...pointer } = target;
  await kv.putMany([{ key: POINTER_KEY, value: JSON.stringify(pointer) }]);
  log(`pointer -> ${target.version} (was ${current?.version ?? 'nothing'})`);
  return target;
}
