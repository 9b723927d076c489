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
const EXPOSE_HEADERS = 'ETag, x-cache, x-data-version, x-kv-stats, x-memo, x-graphql-executor, cache-tag';
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

/** With `*` every origin gets the same grants: no need to read the Origin header per request. */
const ANY_ORIGIN: Readonly<Record<string, string>> = Object.freeze({
  'access-control-allow-origin': '*',
  'access-control-expose-headers': EXPOSE_HEADERS,
});

/**
 * The CORS headers of an actual (non-preflight) request's response, as a plain object: the
 * answers made before yoga (src/http/response-headers.ts) are built with all their headers at
 * once. `vary` is to be appended to whatever the response varies on already.
 */
export function corsHeaders(request: Request, origins: DeliveryConfig['corsOrigins']): Readonly<Record<string, string>> {
  if (origins === '*') return ANY_ORIGIN;
  const allow = allowedOrigin(origins, request.headers.get('origin'));
  if (allow === null) return { vary: 'Origin' };
  return { vary: 'Origin', 'access-control-allow-origin': allow, 'access-control-expose-headers': EXPOSE_HEADERS };
}

/** Adds the CORS headers of an actual (non-preflight) request to its response. */
export function withCors(request: Request, response: Response, origins: DeliveryConfig['corsOrigins']): Response {
  const cors = corsHeaders(request, origins);
  for (const name in cors) {
    if (name === 'vary') response.headers.append(name, cors[name]!);
    else response.headers.set(name, cors[name]!);
  }
  return response;
}
