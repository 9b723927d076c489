import { corsHeaders } from '../http/cors';
import { finishedAnswer, withAnswerHeaders, type FinishedAnswer } from '../http/response-headers';
import { plainAnswer } from '../http/response-memo';
import { formatKvStats } from '../store/kv-stats-header';
import type { Exchange, Stage } from './exchange';

/**
 * The headers stage: every answer the later stages make leaves with the worker's headers
 * (src/http/response-headers.ts) and CORS, edge-cache hits included, unless an early stage
 * made it with all of them already.
 */
export const headersStage: Stage = async (exchange, next) => {
  const response = await next();
  if (exchange.finished) return response;
  const marks = { cache: exchange.cache, memoHit: exchange.memoHit, compiled: exchange.compiled.ran, kvStats: formatKvStats(exchange.store.stats()) };
  return withAnswerHeaders(exchange.request, response, marks, exchange.config.corsOrigins);
};

/**
 * A 200 made before yoga (a memo hit, a compiled operation's answer): for a request the edge
 * cache passes by, finished here with every header; for a cacheable GET, what yoga's result
 * processor sends, which the edge cache stores and the headers stage completes.
 */
export function earlyAnswer(exchange: Exchange, by: FinishedAnswer['by'], text: string, mediaType: string): Response {
  if (!exchange.bypass) return plainAnswer(text, mediaType);
  exchange.finished = true;
  const cors = corsHeaders(exchange.request, exchange.config.corsOrigins);
  return finishedAnswer(text, { mediaType, by, kvStats: formatKvStats(exchange.store.stats()), cors });
}
