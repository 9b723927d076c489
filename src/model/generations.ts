import type { Generation, VersionPointer } from './documents';
import { decodeMembership, holds, keyHash } from './key-hashes';
import type { LevelOne } from './level-one';

export { decodeMembership, encodeHashes, encodeMembership, holds, keyHash } from './key-hashes';

/**
 * Versions as generations, the way a log-structured merge tree keeps runs (O'Neil et al.,
 * "The Log-Structured Merge-Tree", 1996): a base version holds every key under its prefix; a
 * delta version holds only the keys it changed (deleted ones as tombstones) and names, in the
 * pointer, every generation back to the base, newest first, with the exact set of 32-bit
 * hashes of the logical keys each wrote. A reader resolves `v:<current>:<logical>` to the
 * newest generation whose set holds the hash, then level 1 (level-one.ts: the chains folded
 * earlier), or to the base: no read beyond today's.
 *
 * The sets are exact hashes, not Bloom filters: a lookup at the chain bound (MAX_CHAIN_KEYS)
 * falsely matches with probability about MAX_CHAIN_KEYS / 2^32 (3e-6), where a Bloom filter
 * of 1% per generation would send one read in four to the wrong generation at 32 deltas. A
 * false match costs one more read, never a wrong answer: the generation then has no such key
 * (absent, not a tombstone), and the reader asks the next candidate (src/store/kv-store.ts).
 */

/** A deleted key's value in a delta generation. No stored document is empty (publish refuses one). */
export const TOMBSTONE = '';
/** Delta generations a pointer names before a publish folds the chain into level 1 (level-one.ts). */
export const MAX_DELTA_GENERATIONS = 32;
/** Hashes all the pointer's generations hold at most: 48 KiB of hashes, 64 KiB as base64. */
export const MAX_CHAIN_KEYS = 12_288;

/** `v:<version>:<logical>` split in two; null for a key outside any version (`current`). */
export function splitKey(key: string): { version: string; logical: string } | null {
  if (!key.startsWith('v:')) return null;
  const colon = key.indexOf(':', 2);
  return colon < 0 ? null : { version: key.slice(2, colon), logical: key.slice(colon + 1) };
}

/** Keys that belong to their version alone: the node manifest (head, shards), generation manifest, change lists. */
export const isVersionLocal = (logical: string): boolean =>
  logical === 'm' || logical.startsWith('m:') || logical === 'g' || logical.startsWith('g:') || logical.startsWith('c:');

/** The chain of one pointer, decoded once, with its level 1 (level-one.ts) when it has one. */
export class ChainIndex {
  readonly base: string;
  private readonly generations: Array<{ version: string; hashes: Uint32Array }>;
  /** Every version whose keys this pointer reads (its generations, level 1 and base). */
  readonly versions: Set<string>;
  /** What the base changed from the version it was compacted from, decoded when first asked. */
  private baseStep?: { version: string; hashes: Uint32Array } | null;

  constructor(
    readonly pointer: VersionPointer,
    readonly level: LevelOne | null = null,
    /** The chain of the version this pointer's base was compacted from, when the isolate held it (followLineage). */
    public parent: ChainIndex | null = null,
  ) {
    this.base = pointer.base ?? pointer.version;
    this.generations = (pointer.chain ?? []).map((g: Generation) => ({ version: g.version, hashes: decodeMembership(g.keys) }));
    this.versions = new Set([...this.generations.map((g) => g.version), ...(level?.generations ?? []), this.base, pointer.version]);
  }

  /** The versions whose keys this pointer reads, newest first: the chain, level 1, the base. */
  get order(): string[] {
    return [...this.generations.map((g) => g.version), ...(this.level?.generations ?? []), this.base];
  }

  /**
   * The hash sets of the logical keys written after version `since` up to this pointer's: the
   * generations newer than it (in level 1, the keys whose last writer is newer), and, when
   * `since` is the version the base was compacted from, what the compaction changed too; when
   * `since` is older still, what that version's own chain says was written after it. Null when
   * this pointer does not descend from `since` by steps it records (a full build, a rollback,
   * an older compaction): nothing is known then.
   */
  writtenSince(since: string): Uint32Array[] | null {
    const sets: Uint32Array[] = [];
    for (const g of this.generations) {
      if (g.version === since) return sets;
      sets.push(g.hashes);
    }
    if (this.level) {
      const after = this.level.writtenAfter(since);
      if (after) return [...sets, after];
      sets.push(this.level.hashes);
    }
    if (since === this.base) return sets;
    const parent = this.pointer.baseParent;
    this.baseStep ??= parent ? { version: parent.version, hashes: decodeMembership(parent.keys) } : null;
    if (!this.baseStep) return null;
    if (this.baseStep.version === since) return [...sets, this.baseStep.hashes];
    const before = this.parent?.pointer.version === this.baseStep.version ? this.parent.writtenSince(since) : null;
    return before && [...sets, this.baseStep.hashes, ...before];
  }

  get hashCount(): number {
    return this.generations.reduce((n, g) => n + g.hashes.length, 0);
  }

  /**
   * The physical keys that may hold `key`, to be read in order until one is present: the
   * generations whose set holds its hash, newest first, then level 1's, then the base. A key
   * of another version, or one that belongs to its version alone, is read as it is.
   */
  candidates(key: string): string[] {
    const split = splitKey(key);
    if (!split || split.version !== this.pointer.version || (this.generations.length === 0 && !this.level) || isVersionLocal(split.logical)) return [key];
    const hash = keyHash(split.logical);
    const found = this.generations.filter((g) => holds(g.hashes, hash)).map((g) => g.version);
    return [...found, ...(this.level?.holders(hash) ?? []), this.base].map((v) => `v:${v}:${split.logical}`);
  }
}

const decoded = new WeakMap<VersionPointer, ChainIndex>();
const levels = new WeakMap<VersionPointer, LevelOne>();
const parents = new WeakMap<VersionPointer, ChainIndex>();

/**
 * Gives a pointer whose base was compacted from `parent`'s version the chain of that version,
 * so kept answers from before the compaction are checked through it (the isolate's own memory,
 * no KV read). One step back only: the parent's own link is dropped, so old chains do not pile up.
 */
export function attachParentChain(pointer: VersionPointer, parent: ChainIndex): void {
  if (pointer.baseParent?.version !== parent.pointer.version) return;
  parent.parent = null;
  parents.set(pointer, parent);
}

/** Gives a pointer that names a level 1 its index, read beside it (src/store/kv-store.ts, tools/delta/level-one-store.ts). */
export function attachLevelOne(pointer: VersionPointer, level: LevelOne): void {
  levels.set(pointer, level);
}

/** Whether chainIndex can decode this pointer now: it names no level 1, or its level 1 is attached. */
export const chainReady = (pointer: VersionPointer): boolean => !pointer.level1 || levels.has(pointer);

/** The pointer's chain, decoded once per pointer object (the isolate keeps one per version check). */
export function chainIndex(pointer: VersionPointer): ChainIndex {
  let index = decoded.get(pointer);
  if (!index) {
    const level = levels.get(pointer) ?? null;
    // Reading without the index would skip level 1 and serve the base's stale values.
    if (pointer.level1 && !level) throw new Error(`The level-1 index of version ${pointer.version} was not read with its pointer.`);
    decoded.set(pointer, (index = new ChainIndex(pointer, level, parents.get(pointer) ?? null)));
  }
  return index;
}
