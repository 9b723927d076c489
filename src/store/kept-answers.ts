import type { AnswerReads } from '../model/answer-reads';
import { LruCache, type CacheStats } from './lru-cache';

/** A serialized answer and what it read: it is served at a later version only if that still holds. */
export interface KeptAnswer {
  text: string;
  reads: AnswerReads;
}

/** The share of the memo's budget for answers the edge cache keeps too (GETs). */
export const EDGE_BACKUP_SHARE = 0.25;

/**
 * The response memo's entries in two LRU tiers under one budget (a segmented LRU, Karedla et
 * al., "Caching Strategies to Improve Disk System Performance", 1994, split here by who else
 * keeps the answer): answers only the memo keeps (POSTs), and answers of GETs, which the edge
 * cache stores as well, kept here for when it has lost them (another colo, an eviction). The
 * GETs get a quarter of the bytes, so a stream of one-off GETs never pushes out the POST answers
 * that nothing else keeps. Keys are memoKey's (src/http/response-memo.ts): the method first.
 */
export class KeptAnswers {
  private readonly only: LruCache<KeptAnswer>;
  private readonly backups: LruCache<KeptAnswer>;

  constructor(readonly maxBytes: number) {
    const backupBytes = Math.floor(maxBytes * EDGE_BACKUP_SHARE);
    this.only = new LruCache(maxBytes - backupBytes);
    this.backups = new LruCache(backupBytes);
  }

  private tierOf(key: string): LruCache<KeptAnswer> {
    return key.startsWith('GET\u0000') ? this.backups : this.only;
  }

  get(key: string): KeptAnswer | undefined {
    return this.tierOf(key).get(key);
  }

  /** The entry without marking it used. */
  peek(key: string): KeptAnswer | undefined {
    return this.tierOf(key).peek(key);
  }

  set(key: string, value: KeptAnswer, valueBytes: number): void {
    this.tierOf(key).set(key, value, valueBytes);
  }

  get stats(): CacheStats {
    const [a, b] = [this.only.stats, this.backups.stats];
    return { entries: a.entries + b.entries, bytes: a.bytes + b.bytes, maxBytes: this.maxBytes, evictions: a.evictions + b.evictions, refused: a.refused + b.refused };
  }
}
