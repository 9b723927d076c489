import type { VersionPointer } from '../../src/model/documents';

/** A version as `history` records it: its pointer, and the keys it wrote and reaches. */
export interface VersionRecord extends VersionPointer {
  /** Keys under the version's own prefix when it was published. */
  keys: number;
  /** Logical keys the version reaches through its chain (scripts/rollback-kv.ts checks them). */
  reach?: number;
  /** The generations of its level 1 (src/model/level-one.ts), newest first: not in the pointer, which names the index. */
  folded?: string[];
}

/** The versions whose keys a version reads: its chain's generations, level 1's and its base. */
export const generationsOf = (p: VersionRecord): string[] =>
  p.chain?.length || p.folded?.length ? [...(p.chain ?? []).map((g) => g.version), ...(p.folded ?? []), p.base ?? p.version] : [p.version];

/** The delta generations a version reads (chain and level 1), whose manifests the clean-up reads. */
export const deltasOf = (r: VersionRecord): string[] => [...(r.chain ?? []).map((g) => g.version), ...(r.folded ?? [])];
