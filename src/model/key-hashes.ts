/**
 * The 32-bit key hashes the pointer's generations, level 1 and kept answers hold
 * (generations.ts, level-one.ts, answer-reads.ts), and their stored form.
 */

/**
 * MurmurHash3 (x86, 32-bit; Appleby 2011) over UTF-16 code units, one unit a block: the same in
 * Node and workerd, and its finalizer spreads keys that differ in one character (`l:x:1`,
 * `l:x:2`) over the whole range, which the exact sets rely on.
 */
export function keyHash(key: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    let k = Math.imul(key.charCodeAt(i), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  }
  h ^= key.length;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function encodeMembership(logicals: Iterable<string>): string {
  return encodeHashes(Uint32Array.from(new Set([...logicals].map(keyHash))).sort());
}

/** Sorted hashes as base64 of their little-endian bytes: the form the pointer and the edge cache keep them in. */
export function encodeHashes(hashes: Uint32Array): string {
  const bytes = new Uint8Array(hashes.length * 4);
  const view = new DataView(bytes.buffer);
  hashes.forEach((h, i) => view.setUint32(i * 4, h, true));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function decodeMembership(text: string): Uint32Array {
  const binary = atob(text);
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  return Uint32Array.from({ length: binary.length >> 2 }, (_, i) => view.getUint32(i * 4, true));
}

/** The first index at or after `from` whose hash is not below `hash` (binary search). */
export function lowerBound(sorted: Uint32Array, hash: number, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < hash) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a sorted hash set holds `hash`. */
export function holds(sorted: Uint32Array, hash: number): boolean {
  return sorted[lowerBound(sorted, hash)] === hash;
}
