import type { VersionPointer } from './documents';
import { familyOf, SEARCH_TAG, VERSION_TAG, tagOf } from './cache-tags';
import { ALL_FIELDS, rangeDependencies } from './list-ranges';
import { chainIndex, decodeMembership, encodeHashes, isVersionLocal, keyHash, splitKey } from './generations';
import { lowerBound } from './key-hashes';

/**
 * What one answer read, so that a kept answer (the response memo, the edge cache) outlives a
 * publish that did not touch it: the hashes of the logical keys it read at its version (the
 * same MurmurHash3 the pointer's generation sets hold, src/model/generations.ts), the pointer
 * facts it read (the search layout), and whether it read something only its own version holds
 * (the version itself, change lists, keys of another version): such an answer is `pinned`.
 * Keys read as absent count like any other: a publish that adds the key affects the answer.
 */
export interface AnswerReads {
  /** The data version the answer was computed at, or last found to hold at. */
  version: string;
  /** Sorted, distinct keyHash values of the logical keys read. */
  keys: Uint32Array;
  /** searchFacet of the pointer, when the answer read the search index. */
  search?: string;
  pinned: boolean;
  /** Cache tags of what it read (src/model/cache-tags.ts). */
  tags: string[];
}

const WHOLE: ReadonlySet<string> = new Set([ALL_FIELDS]);

/** An answer that read more keys than this is pinned to its version: its key set would outweigh it. */
export const MAX_ANSWER_KEYS = 2048;

/** The pointer facts a search reads besides keys: the index layout and the live article count. */
const facets = new WeakMap<VersionPointer, string>();
export function searchFacet(pointer: VersionPointer): string {
  let facet = facets.get(pointer);
  if (facet === undefined) facets.set(pointer, (facet = JSON.stringify([pointer.search ?? null, pointer.articleCount])));
  return facet;
}

/** Collects one request's reads (src/store/kv-store.ts records every key it is asked for). */
export class ReadLog {
  /** Logical keys read; hashed and tagged once, when the answer is kept (most requests are not). */
  private readonly logicals = new Set<string>();
  /** List leaves of which only places [0, end) were used (src/model/list-ranges.ts), and which fields of those items, by logical key. */
  private readonly prefixes = new Map<string, { end: number; fields: Array<ReadonlySet<string>> }>();
  private search?: string;
  private pinned = false;

  /**
   * A key asked for at `version`, the request's data version; `upTo`: only its list places
   * [0, upTo) are used, and of their items only the fields `fields` names by the time the
   * answer is done (it fills while the answer is computed; absent: whole items).
   */
  key(key: string, version: string, upTo?: number, fields: ReadonlySet<string> = WHOLE): void {
    const split = splitKey(key);
    if (!split || split.version !== version || isVersionLocal(split.logical)) this.pinned = true;
    else if (upTo === undefined) this.logicals.add(split.logical);
    else {
      const used = this.prefixes.get(split.logical);
      if (used) [used.end, used.fields] = [Math.max(used.end, upTo), [...used.fields, fields]];
      else this.prefixes.set(split.logical, { end: upTo, fields: [fields] });
    }
  }

  /** The answer depends on the data version itself. */
  pin(): void {
    this.pinned = true;
  }

  searched(pointer: VersionPointer): void {
    this.search = searchFacet(pointer);
  }

  done(version: string): AnswerReads {
    // A leaf also read whole (a cursor's place, a scan) depends on its key, not on a prefix of it.
    const depends = new Set(this.logicals);
    for (const [logical, { end, fields }] of this.prefixes) {
      if (!this.logicals.has(logical)) rangeDependencies(logical, end, new Set(fields.flatMap((f) => [...f]))).forEach((d) => depends.add(d));
    }
    const tags = new Set([...this.logicals, ...this.prefixes.keys()].map(tagOf));
    if (this.pinned) tags.add(VERSION_TAG);
    const search = this.search !== undefined ? { search: this.search } : {};
    // Search keys read without the layout they were laid out by: nothing proves them current later.
    const blind = this.search === undefined && tags.has(SEARCH_TAG);
    if (this.pinned || blind || depends.size > MAX_ANSWER_KEYS) {
      // Never checked against a later version: no key set to keep, and tags by family past the bound.
      const kept = depends.size > MAX_ANSWER_KEYS ? new Set([...tags].map(familyOf)) : tags;
      return { version, keys: new Uint32Array(0), ...search, pinned: true, tags: [...kept] };
    }
    const keys = Uint32Array.from(new Set([...depends].map(keyHash))).sort();
    return { version, keys, ...search, pinned: false, tags: [...tags] };
  }
}

/** Heap bytes a kept AnswerReads holds besides its answer (typed array, tags, the object). */
export const answerReadsBytes = (reads: AnswerReads): number =>
  64 + reads.keys.byteLength + reads.tags.reduce((n, t) => n + 16 + t.length, 0);

/**
 * Whether an answer kept at `reads.version` still holds at `pointer`'s version: the same
 * version; or an older one this pointer descends from, with no key it read written since and
 * the same search layout. Anything it cannot prove (a full build, a rollback, a version out of
 * the pointer's lineage) is "no": the answer is recomputed, never served stale.
 */
export function stillHolds(reads: AnswerReads, pointer: VersionPointer): boolean {
  if (reads.version === pointer.version) return true;
  if (reads.pinned) return false;
  if (reads.search !== undefined && reads.search !== searchFacet(pointer)) return false;
  const written = chainIndex(pointer).writtenSince(reads.version);
  if (written === null) return false;
  return !written.some((set) => intersects(reads.keys, set));
}

/** Whether two sorted hash arrays share a value: each of the few read keys looked up in the set. */
function intersects(few: Uint32Array, set: Uint32Array): boolean {
  let lo = 0;
  for (const hash of few) {
    // `few` is sorted: the next hash lies at or after `lo`.
    lo = lowerBound(set, hash, lo);
    if (set[lo] === hash) return true;
  }
  return false;
}

/** The header form of an answer's reads, for the edge cache's stored entry. */
export function encodeReads(reads: AnswerReads): string {
  return JSON.stringify([reads.pinned ? 1 : 0, encodeHashes(reads.keys), reads.search ?? null]);
}

/** Back from encodeReads; null for a value it did not write (the entry is then recomputed). */
export function decodeReads(text: string | null, version: string | null): AnswerReads | null {
  if (text === null || version === null) return null;
  try {
    const [pinned, keys, search] = JSON.parse(text) as [number, string, string | null];
    return { version, keys: decodeMembership(keys), ...(search !== null && { search }), pinned: pinned === 1, tags: [] };
  } catch {
    return null;
  }
}
