import { stringBytes } from './string-bytes';

/**
 * A least-recently-used cache bounded by the bytes its entries hold on the heap, not their
 * number: an isolate has 128 MB, and values range from a few hundred bytes to a posting
 * list's hundreds of kilobytes. The caller states a value's size (what it really retains:
 * docs/memory.md); the cache adds its key's and its own bookkeeping per entry. Map iteration
 * order is insertion order, so re-inserting on a hit keeps the oldest entry first.
 */

/** A Map entry and the { value, size } record: a few tagged words, rounded up. */
export const ENTRY_OVERHEAD_BYTES = 48;

export interface CacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  /** Entries pushed out to make room, since the cache was made. */
  evictions: number;
  /** Values refused because they alone exceed the budget. */
  refused: number;
}

export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private bytes = 0;
  private evictions = 0;
  private refused = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The value without marking it used (for inspection: the recency order stays as it was). */
  peek(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** The bytes `set` was told `key`'s value retains; undefined when not kept. */
  sizeOf(key: string): number | undefined {
    const entry = this.entries.get(key);
    return entry && entry.size - stringBytes(key) - ENTRY_OVERHEAD_BYTES;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Keeps `value`, which retains `valueBytes` of heap, evicting the oldest entries as needed. */
  set(key: string, value: V, valueBytes: number): void {
    this.delete(key);
    const size = valueBytes + stringBytes(key) + ENTRY_OVERHEAD_BYTES;
    if (size > this.maxBytes) {
      this.refused += 1;
      return;
    }
    this.entries.set(key, { value, size });
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.size;
      this.evictions += 1;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get stats(): CacheStats {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes, evictions: this.evictions, refused: this.refused };
  }
}
