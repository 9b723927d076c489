/**
 * The byte budgets of the isolate's caches (docs/memory.md explains the figures). Workers stop
 * an isolate past 128 MB; these keep its whole heap under 96 MB with the schema, the code and
 * the busiest requests on top. wrangler.toml sets them (DOCUMENT_CACHE_SIZE,
 * RESPONSE_MEMO_SIZE, read by src/config.ts), so a bigger corpus or a test can resize them
 * without a code change; these defaults are wrangler.toml's values.
 */
export interface CacheBudgets {
  /** Parsed documents and decoded search postings read from KV (src/store/kv-store.ts). */
  documentBytes: number;
  /** Serialized answers of repeated requests (src/plugins/use-response-memo.ts). */
  responseBytes: number;
}

export const DEFAULT_CACHE_BUDGETS: CacheBudgets = {
  documentBytes: 6 * 1024 * 1024,
  responseBytes: 2 * 1024 * 1024,
};
