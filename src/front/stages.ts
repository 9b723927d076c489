import { isPreflight, preflightResponse } from '../http/cors';
import { withEdgeCache } from '../http/edge-cache';
import { articleFormatResponse } from './article-formats';
import type { Stage } from './exchange';

/** CORS preflight (WHATWG Fetch, "CORS protocol"): answered before anything is read. */
export const preflightStage: Stage = (exchange, next) =>
  isPreflight(exchange.request) ? Promise.resolve(preflightResponse(exchange.request, exchange.config.corsOrigins)) : next();

/** The edge cache (src/http/edge-cache.ts) for cacheable GETs: a hit is answered, a miss produced by the stages after it. */
export const edgeCacheStage: Stage = async (exchange, next) => {
  if (exchange.bypass) return next();
  const { request, reader, config, waitUntil, route, facts } = exchange;
  // An entry is checked against the pointer; when nothing is published the stages after answer the error.
  const pointer = () => reader.pointer().catch(() => null);
  // What the answer read: a memo hit's, kept with it, or what this request read making it.
  const reads = () => exchange.answered ?? reader.answerReads();
  const { response, status } = await withEdgeCache(request, { config, pointer, reads, cache: defaultCache(), waitUntil, resource: route !== null, facts }, next);
  exchange.cache = status;
  return response;
};

/** GET /articles/{slug}.ninjs.json and .jsonld: an article in a format out, cached like GraphQL GETs. */
export const formatsStage: Stage = (exchange, next) =>
  exchange.route ? articleFormatResponse(exchange.request, exchange.route, exchange.reader) : next();

/**
 * The Workers Cache API's default cache. @whatwg-node/fetch pulls lib.dom into the types,
 * whose `CacheStorage` lacks Cloudflare's `default`; the runtime has it.
 */
function defaultCache(): Cache {
  return (caches as unknown as { default: Cache }).default;
}
