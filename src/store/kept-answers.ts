import type { AnswerReads } from '../model/answer-reads';
import { keyHash } from '../model/generations';
import { LruCache, type CacheStats } from './lru-cache';

/** A serialized answer, packed (packed-text.ts), and what it read: it is served at a later version only if that still holds. */
export interface KeptAnswer {
  packed: Uint8Array<ArrayBuffer>;
  reads: AnswerReads;
}

/** Shares of the memo's budget: GET answers (the edge cache keeps them too), and new POST answers on probation. */
export const EDGE_BACKUP_SHARE = 1 / 8;
export const PROBATION_SHARE = 3 / 8;
/** Request keys remembered as asked before (their hashes), forgotten all at once past this many. */
const SEEN_MAX = 8192;

/**
 * The response memo's entries in LRU tiers under one budget: a segmented LRU (Karedla et al.,
 * "Caching Strategies to Improve Disk System Performance", 1994) with a doorkeeper of request
 * keys seen before, as TinyLFU's (Einziger et al., 2017). A POST answer asked for the first time
 * goes on probation; one hit there, or asked again after it was evicted, is kept in the protected
 * tier, which one-off requests (the long tail of article pages) never push out. GET answers, which
 * the edge cache stores as well, are kept apart in an eighth of the bytes, for when the edge cache
 * has lost them (another colo, an eviction). Keys are memoKey's (src/http/response-memo.ts): method first.
 */
export class KeptAnswers {
  private readonly backups: LruCache<KeptAnswer>;
  private readonly probation: LruCache<KeptAnswer>;
  private readonly protected: LruCache<KeptAnswer>;
  private readonly seen = new Set<number>();

  constructor(readonly maxBytes: number) {
    const [backupBytes, probationBytes] = [Math.floor(maxBytes * EDGE_BACKUP_SHARE), Math.floor(maxBytes * PROBATION_SHARE)];
    this.backups = new LruCache(backupBytes);
    this.probation = new LruCache(probationBytes);
    this.protected = new LruCache(maxBytes - backupBytes - probationBytes);
  }

  private static isGet = (key: string) => key.startsWith('GET\u0000');

  get(key: string): KeptAnswer | undefined {
    if (KeptAnswers.isGet(key)) return this.backups.get(key);
    const kept = this.protected.get(key);
    if (kept) return kept;
    const trial = this.probation.peek(key);
    // Asked again while on probation: kept as a repeat.
    if (trial) this.protected.set(key, trial, this.probation.sizeOf(key)!);
    this.probation.delete(key);
    return trial;
  }

  /** The entry without marking it used. */
  peek(key: string): KeptAnswer | undefined {
    return KeptAnswers.isGet(key) ? this.backups.peek(key) : (this.protected.peek(key) ?? this.probation.peek(key));
  }

  set(key: string, value: KeptAnswer, valueBytes: number): void {
    if (KeptAnswers.isGet(key)) return this.backups.set(key, value, valueBytes);
    const hash = keyHash(key);
    const repeat = this.seen.has(hash) || this.protected.has(key);
    if (!repeat && this.seen.size >= SEEN_MAX) this.seen.clear();
    this.seen.add(hash);
    this.probation.delete(key);
    if (repeat) this.protected.set(key, value, valueBytes);
    else this.probation.set(key, value, valueBytes);
  }

  get stats(): CacheStats {
    const tiers = [this.backups.stats, this.probation.stats, this.protected.stats];
    const sum = (f: (s: CacheStats) => number) => tiers.reduce((n, s) => n + f(s), 0);
    return { entries: sum((s) => s.entries), bytes: sum((s) => s.bytes), maxBytes: this.maxBytes, evictions: sum((s) => s.evictions), refused: sum((s) => s.refused) };
  }
}
