import { changedRanges } from '../../src/model/list-ranges';
import { purgeTags, SEARCH_TAG } from '../../src/model/cache-tags';
import type { ChangeTuple } from '../../src/model/changes';
import type { ListMove } from '../../src/model/list-moves';
import type { VersionPointer } from '../../src/model/documents';
import { encodeMembership, isVersionLocal, MAX_CHAIN_KEYS, MAX_DELTA_GENERATIONS, TOMBSTONE } from '../../src/model/generations';
import { generationKey, levelOneKey, versionPrefix } from '../../src/model/keys';
import { LEVEL1_SHARE, MAX_LEVEL1_GENERATIONS } from '../../src/model/level-one';
import { utf8Length } from '../../src/text/utf8-length';
import { compactToBase } from './compact-chain';
import type { KvPair, KvWriter } from '../publish/kv-writer';
import { syncEntries, type SyncOptions } from '../publish/sync-writer';
import { nextLevelOne } from './level-one-store';
import { loadChain } from '../publish/load-chain';
import { readResolved } from './resolve-keys';
import { PublishError, readState, switchTo, writeChecked, type VersionRecord } from '../publish/version-state';

/**
 * Publishing what changed (docs/publishing.md): a delta version writes only its changed keys
 * under its own prefix, tombstones for the keys it deletes, its generation manifest and its
 * step of the sync log (tools/publish/sync-writer.ts); reads them back; then switches readers
 * with one pointer write whose chain names every generation back to level 1 or the base
 * (src/model/generations.ts). At the chain's bound the chain is folded into level 1 (one more
 * key, src/model/level-one.ts); only when level 1 outgrows its share of the base is the version
 * written as a new base. A failure before the switch leaves readers on the parent; running the
 * same delta again completes it.
 */
export interface DeltaToPublish {
  /** The version the delta applies to: it must be the current one. */
  parent: string;
  /** The new version's pointer fields; publishDelta adds `base`, `chain`, `level1` and `baseParent`. */
  pointer: Omit<VersionPointer, 'base' | 'chain' | 'level1'>;
  /** New and changed keys, under `v:<pointer.version>:`, values as stored. */
  entries: KvPair[];
  /** Logical keys (`a:<slug>`, ...) the new version no longer has. */
  deleted: string[];
  /** Nodes changed since the parent (the sync log's step); without them apps on older versions refresh fully. */
  changes?: ChangeTuple[];
  /** Stories that entered or left lists since the parent (the step's list moves); without them `changes(lists:)` asks apps to refetch. */
  moves?: ListMove[];
}

/** A compacted base names what it changed from its parent only up to this many keys (the pointer stays small). */
const MAX_BASE_PARENT_KEYS = 4096;

export interface DeltaOptions {
  maxGenerations?: number;
  maxChainKeys?: number;
  /** Share of the base's keys level 1 may hold (LEVEL1_SHARE). */
  levelOneShare?: number;
  maxLevelOneGenerations?: number;
  sync?: SyncOptions;
}

export interface DeltaResult {
  status: 'published' | 'unchanged';
  /** Keys put before the switch (entries, tombstones, manifest, sync log); pointer and history apart. */
  keysWritten: number;
  /** Of those, the sync log's (tools/publish/sync-writer.ts). */
  syncKeys: number;
  /** Bytes of those keys' values. */
  bytesWritten: number;
  /** True when the chain reached its bound and the version was written as a new base. */
  compacted: boolean;
  /** True when the chain reached its bound and was folded into level 1 (no base written). */
  folded: boolean;
  deletedKeys: number;
  deletedVersions: string[];
  /**
   * Cache tags of what this publish changed (src/model/cache-tags.ts): what a deployment behind
   * Workers Cache or a CDN purges once readers see the version (docs/publishing.md).
   */
  purgeTags: string[];
  /** Keys the delta named with the value readers already saw: left unwritten. */
  unchangedKeys: number;
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
  // What the parent's pointer said of its chain, level 1 and base is never carried over as it was.
  const { base: _base, chain: _chain, level1: _level1, baseParent: _baseParent, ...fields } = delta.pointer as VersionPointer;
  const { version } = fields;
  const state = await readState(kv);
  const { current, history } = state;
  if (current?.version === version) {
    log(`version ${version} is already published`);
    return { status: 'unchanged', keysWritten: 0, syncKeys: 0, bytesWritten: 0, compacted: false, folded: false, deletedKeys: 0, deletedVersions: [], purgeTags: [], unchangedKeys: 0 };
  }
  if (!current || current.version !== delta.parent) {
    throw new PublishError(`Delta ${version} applies to ${delta.parent}, but the current version is ${current?.version ?? 'nothing'}; rebuild it against the current version.`);
  }
  const parentRecord = history.find((h) => h.version === current.version);
  const prefix = versionPrefix(version);
  const logicalOf = (e: KvPair) => e.key.slice(prefix.length);
  const before = await readResolved(kv, current, [...delta.entries.map(logicalOf).filter((l) => !isVersionLocal(l)), ...delta.deleted]);
  // A key the build wrote with the value readers already see (a list head a correction left as it
  // was, say) is not written: the generation then names only what changed, so answers that read
  // it stay kept (src/model/answer-reads.ts), and the publish costs one write less.
  const same = (e: KvPair) => !isVersionLocal(logicalOf(e)) && before.get(logicalOf(e))?.value === e.value;
  const changedEntries = delta.entries.filter((e) => !same(e));
  const unchangedKeys = delta.entries.length - changedEntries.length;
  const written = changedEntries.map(logicalOf).filter((l) => !isVersionLocal(l));
  const deleted = delta.deleted.filter((l) => before.get(l) && before.get(l)!.value !== TOMBSTONE);
  const tombstones = deleted.map((l) => ({ key: `${prefix}${l}`, value: TOMBSTONE }));
  // Keys the parent reaches; a base loaded without a history (kv bulk put, by hand) is counted as listed, as switchTo records it.
  const parentReach = parentRecord?.reach ?? parentRecord?.keys ?? (await kv.list(versionPrefix(current.base ?? current.version))).length;
  const reach = parentReach + written.filter((l) => !before.get(l)).length;
  const sync = await syncEntries(kv, current.version, version, delta.changes ?? null, options.sync, delta.moves ?? null);

  // Leaves also name the prefixes they changed, so a page of a leaf's first items outlives a change past them.
  const after = new Map(changedEntries.map((e) => [logicalOf(e), e.value]));
  const ranges = [...written, ...deleted].flatMap((l) => changedRanges(l, before.get(l)?.value || null, after.get(l) ?? null));
  const changed = encodeMembership([...written, ...deleted, ...ranges]);
  const chain = [{ version, keys: changed }, ...(current.chain ?? [])];
  const tags = purgeTags([...written, ...deleted]);
  const hashes = written.length + deleted.length + ranges.length + (await loadChain(kv, current)).hashCount;
  const full = chain.length > (options.maxGenerations ?? MAX_DELTA_GENERATIONS) || hashes > (options.maxChainKeys ?? MAX_CHAIN_KEYS);
  // At the bound: fold the chain into level 1, unless level 1 would outgrow its share of the base.
  const level = full ? await nextLevelOne(kv, current, { version, keys: [...written, ...deleted, ...ranges] }) : null;
  const baseKeys = level ? parentReach : 0;
  const outgrown = level !== null &&
    (level.hashes.length > baseKeys * (options.levelOneShare ?? LEVEL1_SHARE) || level.generations.length > (options.maxLevelOneGenerations ?? MAX_LEVEL1_GENERATIONS));
  if (outgrown) {
    log(`level 1 would hold ${level.hashes.length} key(s) of ${level.generations.length} generation(s), past its share of the base's ${baseKeys}: writing ${version} as a new base`);
    const base = await compactToBase(kv, current, { ...delta, entries: changedEntries }, [], log);
    await writeChecked(kv, version, sync.entries, current.version);
    // What the new base changed from its parent, for kept answers (src/model/answer-reads.ts):
    // the delta's keys; the search keys the fold rewrote change the search layout, which search answers check.
    const baseParent = written.length + deleted.length <= MAX_BASE_PARENT_KEYS ? { baseParent: { version: current.version, keys: changed } } : {};
    const record = { ...fields, ...(base.search && { search: base.search }), ...baseParent, keys: base.keys, reach: base.reach };
    const { dropped, deletedKeys } = await switchTo(kv, record, state, log);
    await kv.deleteMany(sync.expired);
    return { status: 'published', keysWritten: base.keys + sync.entries.length, syncKeys: sync.entries.length, bytesWritten: base.bytes, compacted: true, folded: false, deletedKeys: deletedKeys + sync.expired.length, deletedVersions: dropped.map((d) => d.version), purgeTags: [...new Set([...tags, SEARCH_TAG])].sort(), unchangedKeys };
  }

  const manifest = { keys: [...written, ...deleted, ...ranges], shadows: [...written, ...deleted].flatMap((l) => before.get(l)?.physical ?? []) };
  const index = level ? [{ key: levelOneKey(version), value: level.encode() }] : [];
  const entries = [...changedEntries, ...tombstones, { key: generationKey(version), value: JSON.stringify(manifest) }, ...index];
  const puts = [...entries, ...sync.entries];
  await writeChecked(kv, version, puts, current.version);
  const bytesWritten = puts.reduce((n, e) => n + utf8Length(e.value), 0);
  log(`delta ${version}: ${puts.length} key(s) (${sync.entries.length} of the sync log), ${bytesWritten} byte(s) written and read back` +
    (level ? `; chain folded into level 1 (${level.hashes.length} key(s) of ${level.generations.length} generation(s))` : ''));

  const lineage = {
    base: current.base ?? current.version,
    ...(current.baseParent && { baseParent: current.baseParent }),
  };
  const pointer: VersionPointer = level
    ? { ...fields, ...lineage, level1: { version, entries: level.hashes.length, generations: level.generations.length } }
    : { ...fields, ...lineage, chain, ...(current.level1 && { level1: current.level1 }) };
  const folded = level ? level.generations : parentRecord?.folded;
  const record: VersionRecord = { ...pointer, keys: entries.length, reach, ...(folded && { folded }) };
  const { dropped, deletedKeys } = await switchTo(kv, record, state, log);
  await kv.deleteMany(sync.expired);
  return { status: 'published', keysWritten: puts.length, syncKeys: sync.entries.length, bytesWritten, compacted: false, folded: level !== null, deletedKeys: deletedKeys + sync.expired.length, deletedVersions: dropped.map((d) => d.version), purgeTags: tags, unchangedKeys };
}
