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

export function finishedAnswer(text: string, answer: FinishedAnswer): Response {
  return new Response(text, { status: 200, headers: answer.by === 'memo' ? memoHeaders(answer) : headersOf(answer) });
}

function headersOf({ mediaType, by, kvStats, cors }: FinishedAnswer): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': `${mediaType}; charset=utf-8`, 'x-cache': 'BYPASS', 'x-kv-stats': kvStats };
  if (by === 'memo') headers[MEMO_HEADER] = 'HIT';
  else headers[COMPILED_HEADER] = 'compiled';
  for (const name in cors) headers[name] = cors[name]!;
  return headers;
}

/**
 * A memo hit's headers differ only by media type, the x-kv-stats of a request that read nothing
 * (or the pointer once) and the CORS grants: a handful of sets an isolate sees again and again.
 * Kept as Headers objects, since workerd's Response constructor copies a Headers given as init
 * natively where a plain object is converted name by name: `npx tsx bench/fixed-cost/run.ts`
 * measured six headers from a kept Headers at +0.01-0.03 ms a request over one header, against
 * +0.03-0.08 from a plain object and +0.05-0.10 set one by one (medians of paired one-second
 * slices, load 7-9). The Response copies it (Fetch standard, Response constructor, "fill"), so
 * a response's own header changes never reach the kept one. Bounded like media-type.ts's map.
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
