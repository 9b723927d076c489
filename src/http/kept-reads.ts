import { cacheTagHeader } from '../model/cache-tags';
import { decodeReads, encodeReads, stillHolds, type AnswerReads } from '../model/answer-reads';
import type { VersionPointer } from '../model/documents';

/**
 * What an edge-cache entry keeps besides its answer, in its own headers (the Cache API stores
 * responses): the version it was made at, what it read (src/model/answer-reads.ts), and its
 * cache tags (src/model/cache-tags.ts), which go to the client too, for a CDN or Workers Cache
 * in front to purge by. What it read stays in the cache (edge-cache.ts toClient drops it).
 */
export const VERSION_HEADER = 'x-data-version';
export const READS_HEADER = 'x-answer-reads';
export const CACHE_TAG_HEADER = 'cache-tag';

/** The headers that store `reads` (null: the answer is kept for its own version only). */
export function keptHeaders(reads: AnswerReads | null, version: string): Record<string, string> {
  const kept = reads ?? { version, keys: new Uint32Array(0), pinned: true, tags: [] };
  const headers: Record<string, string> = { [VERSION_HEADER]: version, [READS_HEADER]: encodeReads(kept) };
  const tags = cacheTagHeader(kept.tags);
  if (tags) headers[CACHE_TAG_HEADER] = tags;
  return headers;
}

/** Whether a stored entry still holds at `pointer`'s version; an entry without readable reads does not. */
export function keptHolds(stored: Response, pointer: VersionPointer): boolean {
  const reads = decodeReads(stored.headers.get(READS_HEADER), stored.headers.get(VERSION_HEADER));
  return reads !== null && stillHolds(reads, pointer);
}

/** A stored entry found to hold at `version`, to store again as made at it. */
export function restamped(stored: Response, body: string, version: string): Response {
  const headers = new Headers(stored.headers);
  headers.set(VERSION_HEADER, version);
  return new Response(body, { status: 200, headers });
}
