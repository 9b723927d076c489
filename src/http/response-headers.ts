import { withCors } from './cors';
import { isIncremental } from './edge-cache';
import type { DeliveryConfig } from '../config';

/**
 * The headers every answer leaves the worker with, besides its own (docs/api.md): how it was
 * answered (x-cache, x-memo, x-graphql-executor), what it read (x-kv-stats) and CORS.
 */
export const CACHE_HEADER = 'x-cache';
/** A response-memo hit: the tests and the bench tell hits apart by it. */
export const MEMO_HEADER = 'x-memo';
/** The compiled executor answered (src/graph/compiled/). */
export const COMPILED_HEADER = 'x-graphql-executor';
export const KV_STATS_HEADER = 'x-kv-stats';

export type CacheStatus = 'HIT' | 'MISS' | 'BYPASS';

export interface AnswerMarks {
  cache: CacheStatus;
  memoHit: boolean;
  compiled: boolean;
  /** The `x-kv-stats` value (src/store/kv-stats-header.ts). */
  kvStats: string;
}

/** Gives a made response (yoga's, the edge cache's, a format route's) the worker's headers. */
export function withAnswerHeaders(request: Request, response: Response, marks: AnswerMarks, origins: DeliveryConfig['corsOrigins']): Response {
  response.headers.set(CACHE_HEADER, marks.cache);
  if (marks.memoHit) response.headers.set(MEMO_HEADER, 'HIT');
  response.headers.set(KV_STATS_HEADER, marks.kvStats);
  if (marks.compiled) response.headers.set(COMPILED_HEADER, 'compiled');
  // An incremental answer's parts are one request's, whichever way it came (POST, or a GET the
  // edge cache passed by): no cache may keep them (docs/app-developers.md, "@defer and @stream").
  if (isIncremental(response)) response.headers.set('cache-control', 'no-store');
  return withCors(request, response, origins);
}

/**
 * A 200 answered before yoga (a memo hit or a compiled persisted operation) for a request the
 * edge cache passes by (a POST), built once with every header `withAnswerHeaders` would set:
 * each `headers.set` is a call into workerd's Headers, a real share of a memo hit's cost.
 */
export interface FinishedAnswer {
  /** The negotiated media type (src/http/media-type.ts). */
  mediaType: string;
  /** Which early stage answered: the memo marks MEMO_HEADER, the compiled executor COMPILED_HEADER. */
  by: 'memo' | 'compiled';
  kvStats: string;
  /** The request's CORS headers (src/http/cors.ts corsHeaders). */
  cors: Readonly<Record<string, string>>;
}

export function finishedAnswer(text: string, answer: FinishedAnswer): Response {
  return new Response(text, { status: 200, headers: answer.by === 'memo' ? memoHeaders(answer) : headersOf(answer) });
}


function headersOf({ mediaType, by, kvStats, cors }: FinishedAnswer): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': `${mediaType}; charset=utf-8`, [CACHE_HEADER]: 'BYPASS', [KV_STATS_HEADER]: kvStats };
  if (by === 'memo') headers[MEMO_HEADER] = 'HIT';
  else headers[COMPILED_HEADER] = 'compiled';
  for (const name in cors) headers[name] = cors[name]!;
  return headers;
}

/**
 * A memo hit's headers differ only by media type, x-kv-stats (nothing read, or the pointer
 * once) and the CORS grants: kept as Headers objects, which workerd's Response constructor
 * copies natively where a plain object is converted name by name. The Response copies them
 * (Fetch standard, Response constructor, "fill"), so its own changes never reach the kept one.
 */
const memoHeadersKept = new Map<string, Headers>();
const MAX_KEPT = 32;

function memoHeaders(answer: FinishedAnswer): Headers {
  const { mediaType, kvStats, cors } = answer;
  const key = `${mediaType}\n${kvStats}\n${cors.vary ?? ''}\n${cors['access-control-allow-origin'] ?? ''}`;
  let headers = memoHeadersKept.get(key);
  if (headers) return headers;
  headers = new Headers(headersOf(answer));
  // A client sending a new origin per request must not grow the isolate's memory.
  if (memoHeadersKept.size >= MAX_KEPT) memoHeadersKept.clear();
  memoHeadersKept.set(key, headers);
  return headers;
}
