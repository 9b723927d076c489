import { decodeMembership, encodeHashes, keyHash } from './key-hashes';

/**
 * Level 1 of the generations (docs/incremental-build.md, "Level 1"): where the delta chain is
 * folded when it reaches its bound, as an LSM tree's level 1 absorbs level 0 (O'Neil et al.,
 * 1996). Nothing is copied: for every logical key written since the base, the index holds its
 * 32-bit hash and the generation that wrote it last, so a key is still read from the newest
 * generation that wrote it. Stored under `v:<fold version>:g:1`, immutable, read once per fold
 * per isolate beside the pointer.
 *
 * Two keys of one hash keep an entry each (the fold drops an entry only when the same logical
 * key was written again), so a false match costs one more read, never a wrong value.
 */

/** Level 1 may hold at most this share of the base's keys; past it the publish writes a new base. */
export const LEVEL1_SHARE = 1 / 4;
/** Generations level 1 names at most (a 16-bit owner per entry; `history` lists them). */
export const MAX_LEVEL1_GENERATIONS = 8192;

/** The stored form: generations newest first; entries sorted by hash, then owner (newest first). */
interface StoredLevelOne {
  generations: string[];
  hashes: string;
  owners: string;
}

/** A folded chain's generation: its version and the logical keys it wrote (its manifest `g`). */
export interface FoldedGeneration {
  version: string;
  keys: string[];
}

export class LevelOne {
  private readonly order: Map<string, number>;
  /** writtenAfter's answers for the few versions kept answers are checked from. */
  private readonly after = new Map<string, Uint32Array>();

  constructor(
    /** Newest first. */
    readonly generations: string[],
    readonly hashes: Uint32Array,
    /** Index into `generations` of each entry's last writer. */
    readonly owners: Uint16Array,
  ) {
    this.order = new Map(generations.map((g, i) => [g, i]));
  }

  static decode(text: string): LevelOne {
    const stored = JSON.parse(text) as StoredLevelOne;
    const hashes = decodeMembership(stored.hashes);
    const pairs = decodeMembership(stored.owners);
    const owners = new Uint16Array(hashes.length);
    for (let i = 0; i < hashes.length; i++) owners[i] = (pairs[i >> 1]! >>> ((i & 1) * 16)) & 0xffff;
    if (!Array.isArray(stored.generations) || pairs.length !== (hashes.length + 1) >> 1 || owners.some((o) => o >= stored.generations.length)) {
      throw new Error('level-1 index is inconsistent');
    }
    return new LevelOne(stored.generations, hashes, owners);
  }

  encode(): string {
    const pairs = Uint32Array.from({ length: (this.owners.length + 1) >> 1 }, (_, i) => (this.owners[2 * i]! | ((this.owners[2 * i + 1] ?? 0) << 16)) >>> 0);
    return JSON.stringify({ generations: this.generations, hashes: encodeHashes(this.hashes), owners: encodeHashes(pairs) } satisfies StoredLevelOne);
  }

  has(version: string): boolean {
    return this.order.has(version);
  }

  /** The generations whose last write of some key has this hash, newest first. */
  holders(hash: number): string[] {
    const out: string[] = [];
    for (let i = this.lowerBound(hash); i < this.hashes.length && this.hashes[i] === hash; i++) out.push(this.generations[this.owners[i]!]!);
    return out;
  }

  /** Hashes of the keys some generation newer than `version` wrote last (sorted); null when `version` is not in level 1. */
  writtenAfter(version: string): Uint32Array | null {
    const position = this.order.get(version);
    if (position === undefined) return null;
    let set = this.after.get(version);
    if (!set) {
      set = this.hashes.filter((_, i) => this.owners[i]! < position);
      if (this.after.size >= 8) this.after.delete(this.after.keys().next().value!);
      this.after.set(version, set);
    }
    return set;
  }

  /** Hashes of the keys `version` holds the last write of (what rollback checks it still has). */
  ownedBy(version: string): Uint32Array {
    const position = this.order.get(version);
    return this.hashes.filter((_, i) => this.owners[i] === position);
  }

  private lowerBound(hash: number): number {
    let lo = 0;
    let hi = this.hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.hashes[mid]! < hash) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Level 1 after folding `chain` (newest first) onto `old`. `oldKeys` gives the logical keys of
 * the old generations whose entries share a hash with the chain (their manifests): an old entry
 * goes only when every key of its hash that its generation wrote was written again.
 */
export function foldLevelOne(old: LevelOne | null, chain: FoldedGeneration[], oldKeys: Map<string, string[]>): LevelOne {
  const generations = [...chain.map((g) => g.version), ...(old?.generations ?? [])];
  const lastWriter = new Map<string, number>();
  chain.forEach((g, i) => g.keys.forEach((k) => lastWriter.has(k) || lastWriter.set(k, i)));
  const rewritten = new Set([...lastWriter.keys()].map(keyHash));
  const entries: Array<[hash: number, owner: number]> = [...lastWriter].map(([k, i]) => [keyHash(k), i]);
  old?.hashes.forEach((hash, i) => {
    const owner = old.owners[i]!;
    const same = (oldKeys.get(old.generations[owner]!) ?? []).filter((k) => keyHash(k) === hash);
    if (rewritten.has(hash) && same.length > 0 && same.every((k) => lastWriter.has(k))) return;
    entries.push([hash, owner + chain.length]);
  });
  entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const distinct = entries.filter((e, i) => i === 0 || e[0] !== entries[i - 1]![0] || e[1] !== entries[i - 1]![1]);
  return new LevelOne(generations, Uint32Array.from(distinct, (e) => e[0]), Uint16Array.from(distinct, (e) => e[1]));
}

/** The old generations whose entries share a hash with what the chain wrote: their manifests decide. */
export function generationsToCheck(old: LevelOne | null, chain: FoldedGeneration[]): string[] {
  if (!old) return [];
  const found = new Set<string>();
  for (const key of new Set(chain.flatMap((g) => g.keys))) for (const g of old.holders(keyHash(key))) found.add(g);
  return [...found];
}
