import { corsHeaders, isPreflight, preflightResponse, withCors } from './http/cors';
import { readConfig, type Config } from './config';
import { articleFormatResponse, matchArticleFormat } from './http/article-formats';
import { isCacheableRequest, withEdgeCache, type CacheStatus } from './http/edge-cache';
import { finishedAnswer, type FinishedAnswer } from './http/finished-answer';
import { IsolateState } from './store/isolate-state';
import { KvStore } from './store/kv-store';
import { formatKvStats } from './store/kv-stats-header';
import { answerCompiledEarly } from './http/compiled-early';
import { lookUpMemo, MEMO_HEADER } from './http/memo-hit';
import type { GraphContext } from './graph/context';
import { requestFacts } from './http/request-facts';
import { NewsReader } from './store/news-reader';
import { COMPILED_HEADER } from './plugins/use-compiled-operations';
import { createNewsYoga } from './yoga';

/**
 * The Workers adapter: the only code that knows about `env` and the fetch handler. Its state
 * lives as long as the isolate, so the schema and the document cache are built once and
 * shared by every request the isolate serves. Tests make a fresh one to start cold.
 */
export function createWorker(given?: IsolateState) {
  let yoga: ReturnType<typeof createNewsYoga> | undefined;
  // The env object is the isolate's; tests hand each request an env of its own.
  const configs = new WeakMap<Env, Config>();
  // Made on the first request: its cache budgets are wrangler.toml vars (src/config.ts).
  let state = given;
  // Requests handed to yoga: the tests prove with it that a memo hit never reaches yoga.
  let yogaRequests = 0;
  const handler = {
    async fetch(request, env, ctx) {
      let config = configs.get(env);
      if (!config) {
        try {
          config = readConfig(env, env.RATE_LIMITER);
        } catch (error) {
          return configurationError(error as Error);
        }
        configs.set(env, config);
      }
      if (isPreflight(request)) return preflightResponse(request, config.corsOrigins);
      const { production, rateLimit } = config;
      const isolate = (state ??= new IsolateState(config.cacheBudgets));
      yoga ??= createNewsYoga({ production, allowArbitraryOperations: config.allowArbitraryOperations, responses: isolate.responses });
      const store = new KvStore(env.NEWS, isolate, config.versionCheckMs);
      // The request's data version is fixed here, once: the edge cache, the response memo and
      // every resolver read it from this reader.
      const reader = new NewsReader(store);
      const waitUntil = (promise: Promise<unknown>) => ctx.waitUntil(promise);
      const facts = requestFacts(request);
      const { url } = facts;
      const compiled: NonNullable<GraphContext['compiled']> = { enabled: config.compiledOperations, ran: false };
      // GET /articles/{slug}.ninjs.json and .jsonld: the formats out, cached like GraphQL GETs.
      const route = matchArticleFormat(url);
      // A request the edge cache passes by (a POST, say) and that is answered before yoga gets
      // its response made once with every header (src/http/finished-answer.ts), not patched below.
      const bypass = !isCacheableRequest(facts, route !== null);
      let finished = false;
      const respondAs = (by: FinishedAnswer['by']) =>
        bypass
          ? (text: string, mediaType: string) => {
              finished = true;
              const cors = corsHeaders(request, config.corsOrigins);
              return finishedAnswer(text, { mediaType, by, kvStats: formatKvStats(store.stats()), cors });
            }
          : undefined;
      // Edge-cache hits are not counted against the rate limit: they run no query and read no KV.
      // A GraphQL request the isolate has answered before is answered from the response memo
      // before yoga (src/http/memo-hit.ts); a miss goes to yoga, which fills the memo.
      let memoHit = false;
      const graphql = async () => {
        const memo = await lookUpMemo(request, { reader, memo: isolate.responses, rateLimit, respond: respondAs('memo') }, facts);
        memoHit = memo.hit === true;
        if (memo.response) return memo.response;
        const remember = memo.key && memo.mediaType ? { key: memo.key, mediaType: memo.mediaType } : undefined;
        const context = { reader, production, waitUntil, origin: url.origin, rateLimit, compiled, memo: remember };
        // A compiled persisted operation is answered before yoga too (src/http/compiled-early.ts).
        const early =
          compiled.enabled && remember && memo.body !== undefined
            ? await answerCompiledEarly(request, {
                context,
                memo: isolate.responses,
                lookup: { ...remember, body: memo.body },
                facts,
                respond: respondAs('compiled'),
              })
            : null;
        if (early && 'response' in early) return early.response;
        yogaRequests += 1;
        if (!early) return yoga!.fetch(memo.request, context);
        // Executed early with errors: yoga answers that result; the rate limit has counted it.
        compiled.result = early.result;
        return yoga!.fetch(memo.request, { ...context, rateLimit: undefined });
      };
      const handle = route ? () => articleFormatResponse(request, route, reader) : graphql;
      let response: Response;
      let status: CacheStatus = 'BYPASS';
      if (bypass) {
        response = await handle();
        if (finished) return response;
      } else {
        // The cache key needs the data version; when nothing is published yoga answers the error.
        const version = () => reader.dataVersion().then((p) => p.version, () => null);
        ({ response, status } = await withEdgeCache(request, { config, version, cache: edgeCache(), waitUntil, resource: route !== null, facts }, handle));
      }
      response.headers.set('x-cache', status);
      if (memoHit) response.headers.set(MEMO_HEADER, 'HIT');
      response.headers.set('x-kv-stats', formatKvStats(store.stats()));
      if (compiled.ran) response.headers.set(COMPILED_HEADER, 'compiled');
      return withCors(request, response, config.corsOrigins);
    },
  } satisfies ExportedHandler<Env>;
  /** The isolate's caches and the requests yoga saw, for the tests and the bench to read. */
  return Object.assign(handler, { isolate: () => state, yogaRequests: () => yogaRequests });
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

