import type { Config } from '../config';
import type { AnswerReads } from '../model/answer-reads';
import type { GraphContext } from '../graph/context';
import type { CacheStatus } from '../http/response-headers';
import type { RequestFacts } from '../http/request-facts';
import { requestParams, type RequestParams } from '../http/request-params';
import type { IsolateState } from '../store/isolate-state';
import type { KvStore } from '../store/kv-store';
import type { NewsReader } from '../store/news-reader';
import type { ArticleFormatRoute } from './article-formats';

/**
 * One request on its way through the front door's stages (src/front/front-door.ts): what they
 * read, worked out once, and what they record of how it was answered.
 */
export interface Exchange {
  readonly request: Request;
  readonly facts: RequestFacts;
  readonly config: Config;
  readonly isolate: IsolateState;
  readonly store: KvStore;
  /** Reads at the request's data version, fixed once: the edge cache, the memo and every resolver use it. */
  readonly reader: NewsReader;
  /** A reader at the data version a new request would see now (a long-lived stream polls it). */
  readonly latestReader: () => NewsReader;
  readonly waitUntil: (promise: Promise<unknown>) => void;
  /** Analytics Engine (the METRICS binding), when bound: one data point per request. */
  readonly metrics?: AnalyticsEngineDataset;
  /** The deployment, for /healthz (the CF_VERSION_METADATA binding), when bound. */
  readonly build?: BuildInfo;
  /** GET /articles/{slug}.{format}, or null for the GraphQL endpoint. */
  readonly route: ArticleFormatRoute | null;
  /** Not a cacheable GET: an early answer is then made with all its headers where it is made. */
  readonly bypass: boolean;
  cache: CacheStatus;
  memoHit: boolean;
  /** COMPILED_OPERATIONS, and whether the compiled executor answered (the yoga plugin sets `ran` too). */
  readonly compiled: { enabled: boolean; ran: boolean };
  /** An early answer made with every header (src/front/headers.ts): nothing is added after. */
  finished: boolean;
  /** What a memo hit's answer read (src/model/answer-reads.ts): the edge cache keeps it with the answer. */
  answered?: AnswerReads;
  /** The request's body as the memo stage read it (for the log's operation name); undefined when unread. */
  body?: string;
  /** The params as paramsOf read them once; undefined before anyone asked. */
  params?: RequestParams | null;
  /** Every error code the answer carries (yoga's result processor and the compiled stage add them). */
  readonly errorCodes: string[];
  /** The memo stage's miss: the key the answer is to be kept under, and the body read for it. */
  miss?: { key: string; mediaType: string; body: string };
  /** The request yoga reads: the original, or a copy when the memo stage read its body. */
  yogaRequest: () => Request;
  context?: GraphContext;
}

/** The deployment's identity (Workers version metadata binding: id, tag, upload timestamp). */
export interface BuildInfo {
  id: string;
  tag: string;
  timestamp: string;
}

/**
 * A stage answers the request itself or passes it on with `next`, and may work on the answer
 * that comes back: the shape of yoga's own onRequest/onResponse plugin stages, in one call.
 */
export type Stage = (exchange: Exchange, next: () => Promise<Response>) => Promise<Response>;

/** Runs the stages in order; the last one answers every request that reaches it. */
export function runStages(stages: readonly Stage[], exchange: Exchange): Promise<Response> {
  const at = (i: number): Promise<Response> => stages[i]!(exchange, () => at(i + 1));
  return at(0);
}

/** The GraphQL context of the request, made once, for the compiled executor and yoga alike. */
export function graphContext(exchange: Exchange): GraphContext {
  const { reader, config, waitUntil, facts, compiled, miss, errorCodes } = exchange;
  return (exchange.context ??= {
    reader,
    production: config.production,
    waitUntil,
    origin: facts.url.origin,
    languages: facts.languages,
    rateLimit: config.rateLimit,
    compiled,
    memo: miss ? { key: miss.key, mediaType: miss.mediaType } : undefined,
    errorCodes,
  });
}

/**
 * The request's GraphQL-over-HTTP params (src/http/request-params.ts), read once for the
 * compiled stage and the request log alike; null when they are not this API's to read (a POST
 * whose body the memo stage left unread, or params yoga would read otherwise).
 */
export function paramsOf(exchange: Exchange): RequestParams | null {
  if (exchange.params === undefined) {
    const { facts, request, body } = exchange;
    const unread = facts.method === 'POST' && body === undefined;
    exchange.params = unread ? null : requestParams(facts.method, request.headers.get('content-type'), facts.url, body ?? '');
  }
  return exchange.params;
}
