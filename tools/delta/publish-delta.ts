import type { ChangeTuple } from '../../src/model/changes';
import type { VersionPointer } from '../../src/model/documents';
import { chainIndex, encodeMembership, isVersionLocal, MAX_CHAIN_KEYS, MAX_DELTA_GENERATIONS, TOMBSTONE } from '../../src/model/generations';
import { generationKey, versionPrefix } from '../../src/model/keys';
import { utf8Length } from '../../src/text/utf8-length';
import { compactToBase } from './compact-chain';
import { deltaChangeEntries } from './delta-changes';
import type { KvPair, KvWriter } from '../publish/kv-writer';
import { readResolved } from './resolve-keys';
import { KEEP_PREVIOUS, PublishError, readState, switchTo, writeChecked, type VersionRecord } from '../publish/version-state';

/**
 * Publishing what changed (docs/publishing.md): a delta version writes only its changed keys
 * under its own prefix, tombstones for the keys it deletes, its generation manifest and its
 * change lists; reads them back; then switches readers with one pointer write whose chain
 * names every generation back to the base (src/model/generations.ts). A failure before the
 * switch leaves readers on the parent; running the same delta again completes it.
 */
export interface DeltaToPublish {
  /** The version the delta applies to: it must be the current one. */
  parent: string;
  /** The new version's pointer fields; publishDelta adds `base` and `chain`. */
  pointer: Omit<VersionPointer, 'base' | 'chain'>;
  /** New and changed keys, under `v:<pointer.version>:`, values as stored. */
  entries: KvPair[];
  /** Logical keys (`a:<slug>`, ...) the new version no longer has. */
  deleted: string[];
  /** Nodes changed since the parent (delta sync); without them apps on older versions refresh fully. */
  changes?: ChangeTuple[];
}

export interface DeltaOptions {
  maxGenerations?: number;
  maxChainKeys?: number;
}

export interface DeltaResult {
  status: 'published' | 'unchanged';
  /** Keys put before the switch (entries, tombstones, manifest, change lists); pointer and history apart. */
  keysWritten: number;
  /** Bytes of those keys' values. */
  bytesWritten: number;
  /** True when the chain reached its bound and the version was written as a new base. */
  compacted: boolean;
  deletedKeys: number;
  deletedVersions: string[];
}

function validate(delta: DeltaToPublish): void {
  const { version } = delta.pointer;
  if (version === delta.parent) throw new PublishError(`Delta version ${version} names itself as its parent.`);
  const prefix = versionPrefix(version);
  for (const e of delta.entries) {
    if (!e.key.startsWith(prefix)) throw new PublishError(`Key ${e.key} is not under version ${version}; refusing to publish.`);
    if (e.value === TOMBSTONE) throw new PublishError(`Key ${e.key} has an empty value, which reads as deleted; refusing to publish.`);
  }
  const written = new Set(delta.entries.map((e) => e.key.slice(prefix.length)));
  const bad = delta.deleted.find((l) => written.has(l) || isVersionLocal(l) || l.startsWith('v:'));
  if (bad !== undefined) throw new PublishError(`Deleted key "${bad}" is written too, belongs to a version alone, or is not logical.`);
}

export async function publishDelta(kv: KvWriter, delta: DeltaToPublish, log: (line: string) => void = () => {}, options: DeltaOptions = {}): Promise<DeltaResult> {
  validate(delta);
  const { base: _base, chain: _chain, ...fields } = delta.pointer as VersionPointer;
  const { version } = fields;
  const state = await readState(kv);
  const { current, history } = state;
  if (current?.version === version) {
    log(`version ${version} is already published`);
    return { status: 'unchanged', keysWritten: 0, bytesWritten: 0, compacted: false, deletedKeys: 0, deletedVersions: [] };
  }
  if (!current || current.version !== delta.parent) {
    throw new PublishError(`Delta ${version} applies to ${delta.parent}, but the current version is ${current?.version ?? 'nothing'}; rebuild it against the current version.`);
  }
  const parentRecord = history.find((h) => h.version === current.version);
  const prefix = versionPrefix(version);
  const written = delta.entries.map((e) => e.key.slice(prefix.length)).filter((l) => !isVersionLocal(l));
  const before = await readResolved(kv, current, [...written, ...delta.deleted]);
  const deleted = delta.deleted.filter((l) => before.get(l) && before.get(l)!.value !== TOMBSTONE);
  const tombstones = deleted.map((l) => ({ key: `${prefix}${l}`, value: TOMBSTONE }));
  const reach = (parentRecord?.reach ?? parentRecord?.keys ?? 0) + written.filter((l) => !before.get(l)).length;
  const olderKept = history.map((h) => h.version).filter((v) => v !== version && v !== current.version).slice(0, KEEP_PREVIOUS - 1);
  const changes = delta.changes ? await deltaChangeEntries(kv, version, current.version, olderKept, delta.changes) : [];

  const chain = [{ version, keys: encodeMembership([...written, ...deleted]) }, ...(current.chain ?? [])];
  const hashes = written.length + deleted.length + chainIndex(current).hashCount;
  if (chain.length > (options.maxGenerations ?? MAX_DELTA_GENERATIONS) || hashes > (options.maxChainKeys ?? MAX_CHAIN_KEYS)) {
    log(`chain of ${chain.length} generation(s), ${hashes} key hash(es): writing ${version} as a new base`);
    const base = await compactToBase(kv, current, delta, changes, log);
    const { dropped, deletedKeys } = await switchTo(kv, { ...fields, ...(base.search && { search: base.search }), keys: base.keys, reach: base.reach }, state, log);
    return { status: 'published', keysWritten: base.keys, bytesWritten: base.bytes, compacted: true, deletedKeys, deletedVersions: dropped.map((d) => d.version) };
  }

  const manifest = { keys: [...written, ...deleted], shadows: [...written, ...deleted].flatMap((l) => before.get(l)?.physical ?? []) };
  const entries = [...delta.entries, ...tombstones, ...changes, { key: generationKey(version), value: JSON.stringify(manifest) }];
  await writeChecked(kv, version, entries, current.version);
  const bytesWritten = entries.reduce((n, e) => n + utf8Length(e.value), 0);
  log(`delta ${version}: ${entries.length} key(s), ${bytesWritten} byte(s) written and read back`);

  const pointer: VersionPointer = { ...fields, base: current.base ?? current.version, chain };
  const record: VersionRecord = { ...pointer, keys: entries.length, reach };
  const { dropped, deletedKeys } = await switchTo(kv, record, state, log);
  return { status: 'published', keysWritten: entries.length, bytesWritten, compacted: false, deletedKeys, deletedVersions: dropped.map((d) => d.version) };
}
