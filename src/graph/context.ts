import type { RateLimitSettings } from '../config';
import type { NewsReader } from '../store/news-reader';

/**
 * What the front door (src/front/exchange.ts graphContext) hands to yoga and the compiled
 * executor for each request, and so what every plugin and resolver sees.
 */
export interface GraphContext {
  /** Reads at the request's data version, which it fixes once for the whole request. */
  reader: NewsReader;
  production: boolean;
  /** Work to finish after the response is sent (cache writes). */
  waitUntil: (promise: Promise<unknown>) => void;
  /** The request's Accept-Language, best first (src/text/accept-language.ts): the language of localized fields that name none. */
  languages: readonly string[];
  /** The request's origin (https://host): the absolute URLs the formats out write start with it. */
  origin: string;
  /**
   * COMPILED_OPERATIONS = "on": persisted operations run compiled (src/plugins/use-compiled-operations.ts),
   * which sets `ran` when it answered this request (the front door says so in a response header).
   */
  compiled?: { enabled: boolean; ran: boolean };
  /** Per-client rate limit; absent when switched off (RATE_LIMIT = "off"). */
  rateLimit?: RateLimitSettings;
  /** Where the codes of the answer's errors are recorded for the request's log line and metrics. */
  errorCodes?: string[];
  /** The request's response-memo key, when it may be kept (src/front/memo.ts). */
  memo?: { key: string; mediaType: string };
}
