import { IsolateState, KvStore, type KvStats } from './store/kv-store';
import { createNewsYoga } from './yoga';

/**
 * The Workers adapter: the only code that knows about `env` and the fetch handler. Its state
 * lives as long as the isolate, so the schema and the document cache are built once and
 * shared by every request the isolate serves. Tests make a fresh one to start cold.
 */
export function createWorker(isolate = new IsolateState()) {
  let yoga: ReturnType<typeof createNewsYoga> | undefined;
  return {
    async fetch(request, env, ctx) {
      const production = env.ENVIRONMENT !== 'development';
      yoga ??= createNewsYoga({ production });
      const store = new KvStore(env.NEWS, isolate, Number(env.VERSION_CHECK_SECONDS) * 1000);
      const response = await yoga.fetch(request, {
        store,
        production,
        waitUntil: (promise: Promise<unknown>) => ctx.waitUntil(promise),
        rateLimit: rateLimitOf(env),
      });
      response.headers.set('x-kv-stats', formatKvStats(store.stats()));
      return response;
    },
  } satisfies ExportedHandler<Env>;
}

/** `x-kv-stats: version-reads=1, round-trips=2, operations=2, keys=15, bytes=9120, cache-hits=0` */
export function formatKvStats(stats: KvStats): string {
  return [
    `version-reads=${stats.versionReads}`,
    `round-trips=${stats.roundTrips}`,
    `operations=${stats.operations}`,
    `keys=${stats.keys}`,
    `bytes=${stats.bytes}`,
    `cache-hits=${stats.cacheHits}`,
  ].join(', ');
}

/** The rate limit of wrangler.toml, unless RATE_LIMIT is "off" or the binding is absent. */
function rateLimitOf(env: Env) {
  if (env.RATE_LIMIT === 'off' || !env.RATE_LIMITER) return undefined;
  return { limiter: env.RATE_LIMITER, retryAfterSeconds: Number(env.RATE_LIMIT_PERIOD_SECONDS) || 60 };
}
