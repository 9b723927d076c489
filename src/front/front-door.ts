import type { Config } from '../config';
import { isCacheableRequest } from '../http/edge-cache';
import { requestFacts } from '../http/request-facts';
import { IsolateState } from '../store/isolate-state';
import { KvStore } from '../store/kv-store';
import { NewsReader } from '../store/news-reader';
import { createNewsYoga } from '../yoga';
import { matchArticleFormat } from './article-formats';
import { compiledStage } from './compiled';
import { graphContext, runStages, type BuildInfo, type Exchange, type Stage } from './exchange';
import { healthStage } from './health';
import { headersStage } from './headers';
import { memoStage } from './memo';
import { updatesStage } from './updates';
import { observeStage } from './observe';
import { edgeCacheStage, formatsStage, preflightStage } from './stages';

/** What the Workers adapter (src/worker.ts) hands the front door for each request. */
export interface Delivery {
  config: Config;
  kv: KVNamespace;
  waitUntil: (promise: Promise<unknown>) => void;
  metrics?: AnalyticsEngineDataset;
  build?: BuildInfo;
}

/**
 * The one request pipeline: every request runs these stages in order, each answering it or
 * passing it on (src/front/exchange.ts). The state lives as long as the isolate: the schema,
 * yoga and the caches are made once and shared by every request; tests make a fresh door to
 * start cold.
 */
export function createFrontDoor(given?: IsolateState) {
  let yoga: ReturnType<typeof createNewsYoga> | undefined;
  // Made on the first request: its cache budgets are wrangler.toml vars (src/config.ts).
  let state = given;
  // Requests handed to yoga: the tests prove with it that the early stages never reach yoga.
  let yogaRequests = 0;

  const yogaStage: Stage = (exchange) => {
    const { config, isolate } = exchange;
    yoga ??= createNewsYoga({ production: config.production, allowArbitraryOperations: config.allowArbitraryOperations, responses: isolate.responses });
    yogaRequests += 1;
    return Promise.resolve(yoga.fetch(exchange.yogaRequest(), graphContext(exchange)));
  };
  const stages: readonly Stage[] = [observeStage, healthStage, preflightStage, updatesStage, headersStage, edgeCacheStage, formatsStage, memoStage, compiledStage, yogaStage];

  function answer(request: Request, { config, kv, waitUntil, metrics, build }: Delivery): Promise<Response> {
    const isolate = (state ??= new IsolateState(config.cacheBudgets));
    const store = new KvStore(kv, isolate, config.versionCheckMs);
    const facts = requestFacts(request);
    const route = matchArticleFormat(facts.url);
    const exchange: Exchange = {
      request,
      facts,
      config,
      isolate,
      store,
      reader: new NewsReader(store),
      latestPointer: () => new KvStore(kv, isolate, config.versionCheckMs).pointer(),
      waitUntil,
      metrics,
      build,
      route,
      bypass: !isCacheableRequest(facts, route !== null),
      cache: 'BYPASS',
      memoHit: false,
      compiled: { enabled: config.compiledOperations, ran: false },
      finished: false,
      errorCodes: [],
      yogaRequest: () => request,
    };
    return runStages(stages, exchange);
  }
  /** The isolate's caches and the requests yoga saw, for the tests and the bench to read. */
  return { answer, isolate: () => state, yogaRequests: () => yogaRequests };
}
