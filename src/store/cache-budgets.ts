/**
 * The byte budgets of the isolate's caches (docs/memory.md explains the figures). Workers stop
 * an isolate past 128 MB; these keep the whole heap under 96 MB with the schema, the code and
 * the busiest request on top. Set by wrangler.toml vars as "<n>KiB" or "<n>MiB", so a bigger
 * corpus or a test can resize them without a code change.
 */
export interface CacheBudgets {
  /** Raw JSON documents and decoded search postings read from KV (src/store/kv-store.ts). */
  documentBytes: number;
  /** Serialized answers of repeated requests (src/plugins/use-response-memo.ts). */
  responseBytes: number;
}

export const DEFAULT_CACHE_BUDGETS: CacheBudgets = {
  documentBytes: 24 * 1024 * 1024,
  responseBytes: 8 * 1024 * 1024,
};

export interface CacheBudgetVars {
  DOCUMENT_CACHE_SIZE?: string;
  RESPONSE_MEMO_SIZE?: string;
}

/** A malformed var throws, naming it: a typo in production config should be loud. */
export function readCacheBudgets(vars: CacheBudgetVars): CacheBudgets {
  return {
    documentBytes: parseSize('DOCUMENT_CACHE_SIZE', vars.DOCUMENT_CACHE_SIZE, DEFAULT_CACHE_BUDGETS.documentBytes),
    responseBytes: parseSize('RESPONSE_MEMO_SIZE', vars.RESPONSE_MEMO_SIZE, DEFAULT_CACHE_BUDGETS.responseBytes),
  };
}

const UNITS: Record<string, number> = { KiB: 1024, MiB: 1024 * 1024 };

function parseSize(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const match = /^\s*(\d{1,6})\s*(KiB|MiB)\s*$/.exec(value);
  if (!match) throw new Error(`${name} must be a size such as "24MiB" or "512KiB"; it is "${value}".`);
  return Number(match[1]) * UNITS[match[2]!]!;
}
