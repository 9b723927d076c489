import type { VersionPointer } from '../../src/model/documents';

/** A version as `history` records it: its pointer, and the keys it wrote and reaches. */
export interface VersionRecord extends VersionPointer {
  /** Keys under the version's own prefix when it was published. */
  keys: number;
  /** Logical keys the version reaches through its chain (scripts/rollback-kv.ts checks them). */
  reach?: number;
}

/** The versions whose keys a version reads: its chain's generations and its base. */
export const generationsOf = (p: VersionPointer): string[] => (p.chain?.length ? [...p.chain.map((g) => g.version), p.base ?? p.version] : [p.version]);
