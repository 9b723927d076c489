import type { VersionPointer } from '../../src/model/documents';
import type { ChangeTuple } from '../../src/model/changes';
import { isVersionLocal, splitKey } from '../../src/model/generations';
import { POINTER_KEY, versionPrefix } from '../../src/model/keys';
import type { KvPair, KvWriter } from './kv-writer';
import { syncEntries, type SyncOptions } from './sync-writer';
import { diffStoredManifests } from '../../src/model/node-manifest';
import { ownManifest, storedManifests } from './stored-manifest';
import { verifyReach } from './verify-version';
import { pointerOf, PublishError, readState, switchTo, unwritten, writeChecked, type VersionRecord } from './version-state';

export { KEEP_PREVIOUS, PublishError, type VersionRecord } from './version-state';

/**
 * Publishing a data version the way an immutable store does: write the new version under
 * its own keys, read every key back, and only then switch the one pointer readers follow
 * (KV is eventually consistent; a pointer switch is the only change readers can observe).
 * A failure anywhere before the switch leaves readers on the old version with nothing lost.
 *
 * This is the full publish, of a base version (a full build). publish-delta.ts publishes a
 * delta version that writes only what changed. Both keep the current version and at least
 * KEEP_PREVIOUS before it (version-state.ts); `rollback` points readers back at a kept
 * version once what it reaches is checked to be all there (verify-version.ts).
 */
export interface DataToPublish {
  pointer: VersionPointer;
  /** Every key of the version, values as stored (JSON text); the pointer is not among them. */
  entries: KvPair[];
}

export interface PublishResult {
  status: 'published' | 'unchanged';
  previous: string | null;
  deletedVersions: string[];
  /** Keys deleted after the switch because no kept version reaches them (collect-garbage.ts). */
  deletedKeys?: number;
}

export async function publish(kv: KvWriter, data: DataToPublish, log: (line: string) => void = () => {}, sync: SyncOptions = {}): Promise<PublishResult> {
  const { version } = data.pointer;
  const prefix = versionPrefix(version);
  const stray = data.entries.find((e) => !e.key.startsWith(prefix));
  if (stray) throw new PublishError(`Key ${stray.key} is not under version ${version}; refusing to publish.`);

  const { current, history } = await readState(kv);
  if (current?.version === version && (await unwritten(kv, data.entries)).length === 0) {
    log(`version ${version} is already published and complete`);
    return { status: 'unchanged', previous: version, deletedVersions: [] };
  }

  // A rerun of the current version (an upload resumed) is not a step of its own.
  const parent = current?.version;
  const logged =
    parent === version ? { entries: [], expired: [] } : await syncEntries(kv, parent, version, parent ? await changesSince(kv, data, parent, log) : null, sync);
  const entries = data.entries;

  await writeChecked(kv, version, [...entries, ...logged.entries], current?.version);
  log(`version ${version}: ${entries.length} key(s) and ${logged.entries.length} of the sync log written and read back`);

  const { base: _base, chain: _chain, ...pointer } = data.pointer;
  const reach = data.entries.filter((e) => !isVersionLocal(splitKey(e.key)!.logical)).length;
  const record: VersionRecord = { ...pointer, keys: entries.length, reach };
  const { dropped, deletedKeys } = await switchTo(kv, record, { current, history }, log);
  await kv.deleteMany(logged.expired);
  return { status: 'published', previous: current?.version ?? null, deletedVersions: dropped.map((d) => d.version), deletedKeys: deletedKeys + logged.expired.length };
}

/**
 * The sync log's step (src/model/sync-log.ts): the new version's changes from the current one,
 * diffed from their node manifests (src/model/node-manifest.ts). Null when either has none (a
 * delta version keeps none): the step is then unknown and apps on older versions refresh fully.
 */
async function changesSince(kv: KvWriter, data: DataToPublish, parent: string, log: (line: string) => void): Promise<ChangeTuple[] | null> {
  const after = ownManifest(data.entries, data.pointer.version);
  const before = after && (await storedManifests(kv, [parent])).get(parent);
  if (!after || !before) return null;
  const changes = diffStoredManifests(before, after);
  log(`version ${data.pointer.version}: ${changes.length} change(s) since ${parent}`);
  return changes;
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
  await verifyReach(kv, target);
  await kv.putMany([{ key: POINTER_KEY, value: JSON.stringify(pointerOf(target)) }]);
  log(`pointer -> ${target.version} (was ${current?.version ?? 'nothing'})`);
  return target;
}
