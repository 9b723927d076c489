import type { KvStats } from '../store/kv-stats-header';

/**
 * What one request leaves behind for whoever runs the API: one structured log line (Workers
 * Logs: a JSON object passed to console.log is indexed field by field) and one Analytics
 * Engine data point. No client address, no query variables: only what the worker decided.
 */
export interface RequestRecord {
  /** The persisted operation's name (from the manifest), `operationName` of an ad-hoc query, or null. */
  operation: string | null;
  /** The persisted operation id, when the request named one. */
  operationId: string | null;
  /** Which stage answered: the edge cache, the response memo, the compiled executor, graphql-js, ... */
  path: AnswerPath;
  /** The data version the answer was read at; null when none was read (a preflight, an edge-cache miss before KV). */
  dataVersion: string | null;
  status: number;
  /** Every `extensions.code` the answer carries, in order, each once. */
  errorCodes: string[];
  kv: Pick<KvStats, 'versionReads' | 'roundTrips' | 'keys' | 'bytes'>;
  /** Wall time in the worker (Workers advance the clock only across I/O, so CPU alone reads 0). */
  durationMs: number;
}

export type AnswerPath = 'preflight' | 'health' | 'updates' | 'edge-cache' | 'format' | 'memo' | 'compiled' | 'graphql-js';

/** The log line: an event name Workers Logs can filter on, then the record. */
export function logLine(record: RequestRecord): string {
  return JSON.stringify({ event: 'request', ...record });
}

/**
 * Head sampling of the log line: every failed answer (5xx, or any error code) is written; a
 * successful one with probability `rate` (LOG_SAMPLE_RATE). Metrics are not sampled here:
 * Analytics Engine samples at write volume itself and reports `_sample_interval`.
 */
export function shouldLog(record: RequestRecord, rate: number, draw: () => number = Math.random): boolean {
  if (record.status >= 500 || record.errorCodes.length > 0) return true;
  return rate >= 1 || (rate > 0 && draw() < rate);
}

/** At most this many characters of an operation name reach an index or a blob (AE: 96-byte index). */
const MAX_NAME = 64;

/** Analytics Engine's data point shape (workers-types AnalyticsEngineDataPoint). */
export interface MetricsPoint {
  indexes: string[];
  blobs: string[];
  doubles: number[];
}

/**
 * One data point per request, bounded in size: index = operation (the sampling key, so rare
 * operations keep their share), blobs = operation, path, status class, first error code, data
 * version; doubles = duration, KV round trips (pointer reads included), keys, bytes, status,
 * error count.
 * docs/operations.md names each column in its queries.
 */
export function metricsPoint(record: RequestRecord): MetricsPoint {
  const operation = (record.operation ?? '(none)').slice(0, MAX_NAME);
  return {
    indexes: [operation],
    blobs: [operation, record.path, `${Math.floor(record.status / 100)}xx`, record.errorCodes[0] ?? '', record.dataVersion ?? ''],
    doubles: [record.durationMs, record.kv.roundTrips + record.kv.versionReads, record.kv.keys, record.kv.bytes, record.status, record.errorCodes.length],
  };
}

/** The codes of a GraphQL result's errors, each once (GraphQL spec 7.1.2, `extensions`). */
export function errorCodesOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string[] {
  const codes = new Set<string>();
  for (const error of errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code === 'string') codes.add(code);
  }
  return [...codes];
}
