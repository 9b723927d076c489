import { COMPILED_HEADER } from '../plugins/use-compiled-operations';
import { MEMO_HEADER } from './memo-hit';

/**
 * A 200 answered before yoga (a memo hit, src/http/memo-hit.ts, or a compiled persisted
 * operation, src/http/compiled-early.ts) for a request the edge cache passes by (a POST), built
 * once with every header it leaves the worker with, instead of made with its content type and
 * then given the worker's headers (x-cache, x-memo, x-kv-stats, x-graphql-executor, CORS) one
 * `headers.set` at a time. Why: each of those is a call into workerd's Headers, and the profile
 * of a memo hit (docs/performance.md "Profiling one request") put the fetch handler's and
 * withCors's own time, mostly those calls, at a third of what the hit cost above the floor,
 * which builds its Response from one plain init object. The headers are the same as those
 * src/worker.ts sets on any other answer (tests/worker/memo-hit.test.ts compares them).
 */
export interface FinishedAnswer {
  /** The negotiated media type (src/http/media-type.ts). */
  mediaType: string;
  /** Which early path answered: the memo marks MEMO_HEADER, the compiled executor COMPILED_HEADER. */
  by: 'memo' | 'compiled';
  /** The `x-kv-stats` value (src/store/kv-stats-header.ts). */
  kvStats: string;
  /** The request's CORS headers (src/http/cors.ts corsHeaders). */
  cors: Readonly<Record<string, string>>;
}

export function finishedAnswer(text: string, { mediaType, by, kvStats, cors }: FinishedAnswer): Response {
  const headers: Record<string, string> = { 'content-type': `${mediaType}; charset=utf-8`, 'x-cache': 'BYPASS', 'x-kv-stats': kvStats };
  if (by === 'memo') headers[MEMO_HEADER] = 'HIT';
  else headers[COMPILED_HEADER] = 'compiled';
  for (const name in cors) headers[name] = cors[name]!;
  return new Response(text, { status: 200, headers });
}
