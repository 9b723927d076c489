import type { AnswerReads } from '../model/answer-reads';
import type { VersionPointer } from '../model/documents';
import { sha256Hex } from '../text/sha256-hex';
import type { DeliveryConfig } from '../config';
import { keptHeaders, keptHolds, READS_HEADER, restamped, VERSION_HEADER } from './kept-reads';
import { requestFacts, type RequestFacts } from './request-facts';

/**
 * HTTP caching of GraphQL reads at the edge (Workers Cache API) and in clients; the article
 * format routes (src/front/article-formats.ts) are cached the same way (`resource: true`).
 *
 * Only GET requests are cached: the GraphQL-over-HTTP spec makes GET the cacheable way to send
 * a query (mutations are refused over GET), and persisted operations make those URLs short.
 * The cache key does not hold the data version: a stored answer carries the version it was
 * made at and what it read (src/model/answer-reads.ts, src/http/kept-reads.ts), and is served
 * at a later version only when the pointer shows that nothing it read was written since; any
 * other is made afresh and replaces it. No purge, and a stale answer is never served. Only
 * complete successes are stored: a response with `errors` (an error or a partial result) never is.
 *
 * Validators follow RFC 9110: a strong ETag from the body's SHA-256, and If-None-Match
 * (section 13.1.2, weak comparison, `*` and lists) answered with 304 Not Modified.
 */

export type CacheStatus = 'HIT' | 'MISS' | 'BYPASS';

export interface EdgeCacheOptions {
  config: DeliveryConfig;
  /** The data version every answer is read from (the KV pointer); null when nothing is published. */
  pointer: () => Promise<VersionPointer | null>;
  /** What the answer `handle` produced read (src/model/answer-reads.ts); null: it holds at its version only. */
  reads: () => AnswerReads | null;
  cache: Cache;
  waitUntil: (promise: Promise<unknown>) => void;
  /** A plain resource rather than a GraphQL answer: every GET is cacheable, a 200 is complete. */
  resource?: boolean;
  /** The request's URL and media type, when the caller has worked them out already. */
  facts?: RequestFacts;
}

/**
 * The cache key: the request's URL with sorted parameters, the media type the answer will
 * have (not the raw Accept header: Apollo, urql and Apollo Kotlin spell the same preference
 * differently and should share one entry) and the languages it prefers (Accept-Language, as
 * parsed: `hi, en;q=0.5` and `hi,en;q=0.50` share one). A resource has one media type.
 */
export function edgeCacheKey(
  request: Request,
  resource = false,
  facts: RequestFacts = requestFacts(request),
): Request | null {
  if (!isCacheableRequest(facts, resource)) return null;
  const { url } = facts;
  const key = new URL(url.pathname, url.origin);
  const params = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  key.searchParams.set('media-type', resource ? 'resource' : facts.mediaType!);
  // Localized fields follow Accept-Language: the negotiated preferences, not the header's spelling.
  if (!resource && facts.languages.length > 0) key.searchParams.set('languages', facts.languages.join(','));
  for (const [name, value] of params) key.searchParams.append(`p.${name}`, value);
  return new Request(key.toString(), { method: 'GET' });
}

/**
 * A GET carrying an operation (the GraphiQL page is a GET without one), answered as JSON; or any
 * GET of a resource. Anything else passes the cache by (BYPASS): the worker answers those
 * before yoga without calling withEdgeCache (src/worker.ts).
 */
export function isCacheableRequest(facts: RequestFacts, resource = false): boolean {
  if (facts.method !== 'GET') return false;
  if (resource) return true;
  if (facts.mediaType === null) return false;
  const params = facts.url.searchParams;
  return ['query', 'extensions', 'documentId', 'doc_id'].some((name) => params.has(name));
}

/** Serves a read from the edge cache, or produces it with `handle` and stores it when complete. */
export async function withEdgeCache(
  request: Request,
  options: EdgeCacheOptions,
  handle: () => Promise<Response>,
): Promise<{ response: Response; status: CacheStatus }> {
  const facts = options.facts ?? requestFacts(request);
  if (!isCacheableRequest(facts, options.resource)) return { response: await handle(), status: 'BYPASS' };
  const pointer = await options.pointer();
  if (pointer === null) {
    // Nothing published (or the pointer unreadable): the answer is an error; nobody may keep it.
    const response = await handle();
    response.headers.set('cache-control', 'no-store');
    return { response, status: 'BYPASS' };
  }
  const key = edgeCacheKey(request, options.resource, facts)!;

  // The cache is an optimisation: if it fails, answer from the resolvers.
  const hit = await options.cache.match(key).catch(() => undefined);
  if (hit && keptHolds(hit, pointer)) {
    const body = await hit.text();
    // Found to hold at a newer version: stored again at it, so the entry outlives the compaction
    // that will forget its older version (src/model/generations.ts writtenSince).
    if (hit.headers.get(VERSION_HEADER) !== pointer.version) options.waitUntil(options.cache.put(key, restamped(hit, body, pointer.version)).catch(() => undefined));
    return { response: toClient(request, hit, body, options.config, pointer.version), status: 'HIT' };
  }
  // An answer something it read changed since: made afresh below, and stored in its place.
  await hit?.body?.cancel();

  const produced = await handle();
  if (isIncremental(produced)) {
    // @defer/@stream (multipart/mixed, text/event-stream): streamed as it is produced, never
    // buffered here and never stored, as its parts are one request's.
    produced.headers.set('cache-control', 'no-store');
    return { response: produced, status: 'BYPASS' };
  }
  const body = await produced.text();
  if (!isCompleteSuccess(produced, body, options.resource)) {
    const response = new Response(body, produced);
    response.headers.set('cache-control', 'no-store');
    return { response, status: 'MISS' };
  }
  const contentType = produced.headers.get('content-type')!;
  const headers = new Headers({
    'content-type': contentType,
    // A strong validator per representation (RFC 9110 8.8.3): the same body sent as another
    // media type is another representation, so the type is part of what is hashed. An answer
    // that outlives a publish keeps its bytes, so its ETag too: If-None-Match gets 304 across versions.
    etag: `"${await sha256Hex(`${contentType}\n${body}`)}"`,
    'cache-control': `public, max-age=${options.config.edgeCacheTtl}`,
    ...keptHeaders(options.reads(), pointer.version),
  });
  const stored = new Response(body, { status: 200, headers });
  options.waitUntil(options.cache.put(key, stored).catch(() => undefined));
  return { response: toClient(request, new Response(body, { status: 200, headers }), body, options.config, pointer.version), status: 'MISS' };
}

/**
 * A stored answer as the client gets it: the version it is served at, its own Cache-Control,
 * and 304 when its ETag matches; what it read stays with the cache.
 */
function toClient(request: Request, stored: Response, body: string, config: DeliveryConfig, version: string): Response {
  const headers = new Headers(stored.headers);
  headers.delete(READS_HEADER);
  headers.set(VERSION_HEADER, version);
  headers.set('cache-control', `public, max-age=${config.maxAge}, stale-while-revalidate=${config.staleWhileRevalidate}`);
  // The body's media type follows the Accept header (GraphQL-over-HTTP content negotiation),
  // its localized fields Accept-Language.
  headers.set('vary', 'Accept, Accept-Language');
  const etag = headers.get('etag');
  if (etag && ifNoneMatch(request.headers.get('if-none-match'), etag)) {
    headers.delete('content-type');
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}

/** An incremental-delivery answer: its parts are streamed, not one JSON body. */
export const isIncremental = (response: Response): boolean =>
  /^(multipart\/mixed|text\/event-stream)/.test(response.headers.get('content-type') ?? '');

/** 200, JSON, `data` present and no `errors`: partial results and errors are never stored. */
function isCompleteSuccess(response: Response, body: string, resource = false): boolean {
  if (response.status !== 200 || !/json/.test(response.headers.get('content-type') ?? '')) return false;
  if (resource) return true;
  try {
    const result = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return result.data != null && result.errors === undefined;
  } catch {
    return false;
  }
}

/** RFC 9110 13.1.2: true when the header names `etag` (weak comparison) or is `*`. */
export function ifNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}
