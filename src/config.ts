/**
 * The one reader of wrangler.toml `[vars]` (and their `--var` overrides): every var, typed
 * after the Env that `wrangler types` generates (worker-configuration.d.ts), read once per
 * isolate. Vars are strings; a malformed one fails the first request with a message naming it
 * rather than silently falling back (a typo in production config should be loud). The
 * defaults are wrangler.toml's values.
 */
import { DEFAULT_CACHE_BUDGETS, type CacheBudgets } from './store/cache-budgets';

type Binding = 'NEWS' | 'RATE_LIMITER' | 'METRICS' | 'CF_VERSION_METADATA';
export type ConfigVars = Partial<Omit<Env, Binding>>;

export interface RateLimitSettings {
  limiter: RateLimit;
  /** The binding's period; the binding does not say when a window ends, so wait a whole one. */
  retryAfterSeconds: number;
}

export interface Config {
  /** False only with ENVIRONMENT = "development": unexpected errors' messages are hidden. */
  production: boolean;
  /** Origins that may call the API from a browser; `*` allows any (no credentials are used). */
  corsOrigins: '*' | ReadonlySet<string>;
  /** False: only operations of the persisted manifest run (trusted documents). */
  allowArbitraryOperations: boolean;
  /** What browsers and CDNs in front of us may keep (seconds). */
  maxAge: number;
  staleWhileRevalidate: number;
  /** How long the edge cache keeps an answer; safe to be long, its key names the data version. */
  edgeCacheTtl: number;
  /** How long an isolate trusts its cached data-version pointer (VERSION_CHECK_SECONDS). */
  versionCheckMs: number;
  /** Per-client rate limit; absent when RATE_LIMIT = "off" or the binding is missing. */
  rateLimit?: RateLimitSettings;
  /** COMPILED_OPERATIONS: persisted operations run their build-time plans (docs/compiled-operations.md). */
  compiledOperations: boolean;
  /** The share of successful requests whose log line is written (LOG_SAMPLE_RATE; failures always are). */
  logSampleRate: number;
  /** GET /updates (src/front/updates.ts): streams an isolate holds open, heartbeat, and how long one lasts. */
  updates: { maxStreams: number; heartbeatMs: number; maxMs: number };
  /** Heap bytes the isolate's caches may keep (DOCUMENT_CACHE_SIZE, RESPONSE_MEMO_SIZE; docs/memory.md). */
  cacheBudgets: CacheBudgets;
}

/** The part of the config the HTTP layer (src/http/) needs. */
export type DeliveryConfig = Pick<Config, 'corsOrigins' | 'allowArbitraryOperations' | 'maxAge' | 'staleWhileRevalidate' | 'edgeCacheTtl'>;

export function readConfig(vars: ConfigVars, limiter?: RateLimit): Config {
  const rateLimitOn = parseChoice('RATE_LIMIT', vars.RATE_LIMIT ?? 'on', ['on', 'off']) === 'on';
  const retryAfterSeconds = parseSeconds('RATE_LIMIT_PERIOD_SECONDS', vars.RATE_LIMIT_PERIOD_SECONDS ?? '60');
  return {
    production: (vars.ENVIRONMENT ?? 'production') !== 'development',
    corsOrigins: parseOrigins(vars.CORS_ORIGINS ?? '*'),
    allowArbitraryOperations: parseChoice('ALLOW_ARBITRARY_QUERIES', vars.ALLOW_ARBITRARY_QUERIES ?? 'false', ['true', 'false']) === 'true',
    maxAge: parseSeconds('CACHE_MAX_AGE', vars.CACHE_MAX_AGE ?? '60'),
    staleWhileRevalidate: parseSeconds('CACHE_STALE_WHILE_REVALIDATE', vars.CACHE_STALE_WHILE_REVALIDATE ?? '600'),
    edgeCacheTtl: parseSeconds('EDGE_CACHE_TTL', vars.EDGE_CACHE_TTL ?? '86400'),
    versionCheckMs: parseSeconds('VERSION_CHECK_SECONDS', vars.VERSION_CHECK_SECONDS ?? '10') * 1000,
    compiledOperations: parseChoice('COMPILED_OPERATIONS', vars.COMPILED_OPERATIONS ?? 'on', ['on', 'off']) === 'on',
    logSampleRate: parseRate('LOG_SAMPLE_RATE', vars.LOG_SAMPLE_RATE ?? '1'),
    updates: {
      maxStreams: parseSeconds('UPDATES_MAX_STREAMS', vars.UPDATES_MAX_STREAMS ?? '1000'),
      heartbeatMs: Math.max(1, parseSeconds('UPDATES_HEARTBEAT_SECONDS', vars.UPDATES_HEARTBEAT_SECONDS ?? '25')) * 1000,
      maxMs: Math.max(1, parseSeconds('UPDATES_MAX_SECONDS', vars.UPDATES_MAX_SECONDS ?? '300')) * 1000,
    },
    cacheBudgets: {
      documentBytes: parseSize('DOCUMENT_CACHE_SIZE', vars.DOCUMENT_CACHE_SIZE, DEFAULT_CACHE_BUDGETS.documentBytes),
      responseBytes: parseSize('RESPONSE_MEMO_SIZE', vars.RESPONSE_MEMO_SIZE, DEFAULT_CACHE_BUDGETS.responseBytes),
    },
    ...(rateLimitOn && limiter ? { rateLimit: { limiter, retryAfterSeconds } } : {}),
  };
}

/** `*`, or a comma-separated list of origins (scheme://host[:port], as browsers send them). */
function parseOrigins(value: string): Config['corsOrigins'] {
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

function parseChoice<const T extends string>(name: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new Error(`${name} must be ${choices.map((c) => `"${c}"`).join(' or ')}; it is "${value}".`);
}

const SIZE_UNITS: Record<string, number> = { KiB: 1024, MiB: 1024 * 1024 };

/** A byte size such as "12MiB" or "512KiB". */
function parseSize(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const match = /^\s*(\d{1,6})\s*(KiB|MiB)\s*$/.exec(value);
  if (!match) throw new Error(`${name} must be a size such as "12MiB" or "512KiB"; it is "${value}".`);
  return Number(match[1]) * SIZE_UNITS[match[2]!]!;
}

/** A share from 0 to 1, such as "0.01". */
function parseRate(name: string, value: string): number {
  const rate = /^(0(\.\d+)?|1(\.0+)?)$/.test(value.trim()) ? Number(value) : NaN;
  if (Number.isNaN(rate)) throw new Error(`${name} must be a share from 0 to 1 such as "0.01"; it is "${value}".`);
  return rate;
}

/** A whole number (of seconds, or of streams for UPDATES_MAX_STREAMS). */
function parseSeconds(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number${name.endsWith('SECONDS') ? ' of seconds' : ''}; it is "${value}".`);
  return Number(value);
}
