import { isPreflight, preflightResponse, withCors } from './http/cors';
import { readDeliveryConfig, type DeliveryConfig } from './http/delivery-config';
import { withEdgeCache } from './http/edge-cache';
import { readCacheBudgets } from './store/cache-budgets';
import { IsolateState } from './store/isolate-state';
import { KvStore } from './store/kv-store';
import { formatKvStats } from './store/kv-stats-header';
import { createNewsYoga } from './yoga';

/**
 * The Workers adapter: the only code that knows about `env` and the fetch handler. Its state
 * lives as long as the isolate, so the schema and the document cache are built once and
 * shared by every request the isolate serves. Tests make a fresh one to start cold.
 */
export function createWorker(given?: IsolateState) {
  let yoga: ReturnType<typeof createNewsYoga> | undefined;
  let config: DeliveryConfig | undefined;
  // Made on the first request: its cache budgets are wrangler.toml vars (cache-budgets.ts).
  let isolate = given;
  const handler = {
    async fetch(request, env, ctx) {
      const production = env.ENVIRONMENT !== 'development';
      try {
        config ??= readDeliveryConfig(env);
        isolate ??= new IsolateState(readCacheBudgets(env));
      } catch (error) {
        return configurationError(error as Error);
      }
      if (isPreflight(request)) return preflightResponse(request, config.corsOrigins);
      yoga ??= createNewsYoga({ production, allowArbitraryOperations: config.allowArbitraryOperations, responses: isolate.responses });
      const store = new KvStore(env.NEWS, isolate, Number(env.VERSION_CHECK_SECONDS) * 1000);
      const waitUntil = (promise: Promise<unknown>) => ctx.waitUntil(promise);
      // The cache key needs the data version; when nothing is published yoga answers the error.
      const version = () => store.pointer().then((p) => p.version, () => null);
      const { response, status } = await withEdgeCache(
        request,
        { config, version, cache: edgeCache(), waitUntil },
        // Edge-cache hits are not counted against the rate limit: they run no query and read no KV.
        async () => yoga!.fetch(request, { store, production, waitUntil, rateLimit: rateLimitOf(env) }),
      );
      response.headers.set('x-cache', status);
      response.headers.set('x-kv-stats', formatKvStats(store.stats()));
      return withCors(request, response, config.corsOrigins);
    },
  } satisfies ExportedHandler<Env>;
  /** The isolate's caches, for the tests and the bench to read their counts. */
  return Object.assign(handler, { isolate: () => isolate });
}

/**
 * The Workers Cache API's default cache. @whatwg-node/fetch pulls lib.dom into the types,
 * whose `CacheStorage` lacks Cloudflare's `default`; the runtime has it.
 */
function edgeCache(): Cache {
  return (caches as unknown as { default: Cache }).default;
}

/** A malformed wrangler.toml var: say which, as a GraphQL error, rather than crash. */
function configurationError(error: Error): Response {
  const body = { errors: [{ message: error.message, extensions: { code: 'CONFIGURATION_ERROR' } }] };
  return Response.json(body, { status: 500, headers: { 'cache-control': 'no-store' } });
}

/** The rate limit of wrangler.toml, unless RATE_LIMIT is "off" or the binding is absent. */
function rateLimitOf(env: Env) {
  if (env.RATE_LIMIT === 'off' || !env.RATE_LIMITER) return undefined;
  return { limiter: env.RATE_LIMITER, retryAfterSeconds: Number(env.RATE_LIMIT_PERIOD_SECONDS) || 60 };
}
