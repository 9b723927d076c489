import type { DeliveryConfig } from '../config';

/**
 * CORS (WHATWG Fetch standard, "CORS protocol") for a public, read-only API without cookies:
 * no credentials, so `*` is safe when configured; with a list, the request's origin is echoed
 * when listed and `Vary: Origin` keeps shared caches from mixing answers. Applied by the
 * adapter to every response, cache hits included, because the edge cache stores answers
 * without CORS headers.
 */
const ALLOW_METHODS = 'GET, POST, OPTIONS';
// Every header the API adds for clients to read: the cache and memo state, the data version,
// the KV reads and which executor answered (docs/api.md).
const EXPOSE_HEADERS = 'ETag, x-cache, x-data-version, x-kv-stats, x-memo, x-graphql-executor';
const PREFLIGHT_MAX_AGE = '86400';

function allowedOrigin(origins: DeliveryConfig['corsOrigins'], origin: string | null): string | null {
  if (origins === '*') return '*';
  return origin !== null && origins.has(origin) ? origin : null;
}

export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('access-control-request-method');
}

/** Answers a preflight: 204 with the grants for a listed origin, 403 for any other. */
export function preflightResponse(request: Request, origins: DeliveryConfig['corsOrigins']): Response {
  const allow = allowedOrigin(origins, request.headers.get('origin'));
  if (allow === null) return new Response('Origin not allowed (CORS_ORIGINS).', { status: 403, headers: { vary: 'Origin' } });
  const headers = new Headers({
    'access-control-allow-origin': allow,
    'access-control-allow-methods': ALLOW_METHODS,
    'access-control-max-age': PREFLIGHT_MAX_AGE,
    vary: 'Origin',
  });
  // A public API without credentials: grant whatever headers the client's library sends.
  const requested = request.headers.get('access-control-request-headers');
  if (requested) headers.set('access-control-allow-headers', requested);
  return new Response(null, { status: 204, headers });
}

/** Adds the CORS headers of an actual (non-preflight) request to its response. */
export function withCors(request: Request, response: Response, origins: DeliveryConfig['corsOrigins']): Response {
  if (origins !== '*') response.headers.append('vary', 'Origin');
  const allow = allowedOrigin(origins, request.headers.get('origin'));
  if (allow === null) return response;
  response.headers.set('access-control-allow-origin', allow);
  response.headers.set('access-control-expose-headers', EXPOSE_HEADERS);
  return response;
}
