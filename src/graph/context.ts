import type { NewsReader } from '../store/news-reader';
import type { KvStore } from '../store/kv-store';
import type { RateLimitSettings } from '../plugins/use-rate-limit';

/** What the HTTP adapter hands to yoga for each request. */
export interface ServerContext {
  store: KvStore;
  production: boolean;
  /** Work to finish after the response is sent (cache writes). */
  waitUntil: (promise: Promise<unknown>) => void;
  /** The request's origin (https://host): the absolute URLs the formats out write start with it. */
  origin: string;
  /** Per-client rate limit; absent when switched off (RATE_LIMIT = "off"). */
  rateLimit?: RateLimitSettings;
}

/** What the context factory adds for the resolvers. */
export interface UserContext {
  reader: NewsReader;
}

/** What every resolver sees. */
export type GraphContext = ServerContext & UserContext;
