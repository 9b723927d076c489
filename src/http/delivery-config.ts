/**
 * The delivery settings of wrangler.toml `[vars]`, read once per isolate. Vars are strings;
 * a malformed one fails the first request with a message naming it rather than silently
 * falling back (a typo in production config should be loud).
 */
export interface DeliveryConfig {
  /** Origins that may call the API from a browser; `*` allows any (no credentials are used). */
  corsOrigins: '*' | ReadonlySet<string>;
  /** False: only operations of the persisted manifest run (trusted documents). */
  allowArbitraryOperations: boolean;
  /** What browsers and CDNs in front of us may keep (seconds). */
  maxAge: number;
  staleWhileRevalidate: number;
  /** How long the edge cache keeps an answer; safe to be long, its key names the data version. */
  edgeCacheTtl: number;
}

export interface DeliveryVars {
  CORS_ORIGINS?: string;
  ALLOW_ARBITRARY_QUERIES?: string;
  CACHE_MAX_AGE?: string;
  CACHE_STALE_WHILE_REVALIDATE?: string;
  EDGE_CACHE_TTL?: string;
}

export function readDeliveryConfig(vars: DeliveryVars): DeliveryConfig {
  return {
    corsOrigins: parseOrigins(vars.CORS_ORIGINS ?? '*'),
    allowArbitraryOperations: parseBoolean('ALLOW_ARBITRARY_QUERIES', vars.ALLOW_ARBITRARY_QUERIES ?? 'false'),
    maxAge: parseSeconds('CACHE_MAX_AGE', vars.CACHE_MAX_AGE ?? '60'),
    staleWhileRevalidate: parseSeconds('CACHE_STALE_WHILE_REVALIDATE', vars.CACHE_STALE_WHILE_REVALIDATE ?? '600'),
    edgeCacheTtl: parseSeconds('EDGE_CACHE_TTL', vars.EDGE_CACHE_TTL ?? '86400'),
  };
}

/** `*`, or a comma-separated list of origins (scheme://host[:port], as browsers send them). */
function parseOrigins(value: string): DeliveryConfig['corsOrigins'] {
  if (value.trim() === '*') return '*';
  const origins = value.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      throw new Error(`CORS_ORIGINS: "${origin}" is not an origin such as https://app.example.com (no path, no trailing slash).`);
    }
  }
  return new Set(origins);
}

function parseBoolean(name: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`${name} must be "true" or "false"; it is "${value}".`);
}

function parseSeconds(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number of seconds; it is "${value}".`);
  return Number(value);
}
