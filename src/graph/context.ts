import type { ExecutionResult } from 'graphql';
import type { RateLimitSettings } from '../config';
import type { NewsReader } from '../store/news-reader';

/**
 * What the HTTP adapter (src/worker.ts) hands to yoga for each request, and so what every
 * plugin and resolver sees.
 */
export interface GraphContext {
  /** Reads at the request's data version, which it fixes once for the whole request. */
  reader: NewsReader;
  production: boolean;
  /** Work to finish after the response is sent (cache writes). */
  waitUntil: (promise: Promise<unknown>) => void;
  /** The request's origin (https://host): the absolute URLs the formats out write start with it. */
  origin: string;
  /**
   * COMPILED_OPERATIONS = "on": persisted operations run compiled (src/plugins/use-compiled-operations.ts),
   * which sets `ran` when it answered this request (the adapter says so in a response header).
   * `result`: executed before yoga (src/http/compiled-early.ts) with errors, which yoga answers.
   */
  compiled?: { enabled: boolean; ran: boolean; result?: ExecutionResult };
  /** Per-client rate limit; absent when switched off (RATE_LIMIT = "off"). */
  rateLimit?: RateLimitSettings;
  /** The request's response-memo key, when it may be kept (src/http/memo-hit.ts). */
  memo?: { key: string; mediaType: string };
}
