import autocannon from 'autocannon';
import { parseKvStats, type KvStats } from '../src/store/kv-stats-header';
import type { Operation } from './operations';

/**
 * Load measurement with autocannon: a fixed number of connections, each sending its next
 * request as soon as the last is answered, for a fixed time. Latencies are autocannon's
 * (HdrHistogram, millisecond resolution); rps is the mean over the run.
 */
export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /**
   * Non-2xx answers, socket errors, timeouts and, when an expected body was given, answers
   * that differ from it (each also counted in `failureKinds`).
   */
  failures: number;
  failureKinds: { non2xx: number; errors: number; timeouts: number; mismatches?: number };
  /** Answers that differ from the expected body in bytes but that `equivalent` accepts. */
  reordered?: number;
}

export interface LoadSettings {
  connections: number;
  seconds: number;
}

export async function load(
  url: string,
  settings: LoadSettings,
  request: {
    method?: 'GET' | 'POST';
    body?: string;
    bodyFor?: (i: number) => string;
    expectBody?: string;
    equivalent?: (body: string) => boolean;
  } = {},
): Promise<LoadFigures> {
  let sent = 0;
  let mismatches = 0;
  let reordered = 0;
  const vary = request.bodyFor;
  const expected = request.expectBody;
  // Every answer is compared with the expected body when one is given (autocannon's own
  // expectBody refuses per-request bodies, so the check is done in onResponse).
  const check =
    expected === undefined
      ? undefined
      : (_status: number, body: string) => {
          if (body === expected) return;
          if (request.equivalent?.(body)) reordered++;
          else mismatches++;
        };
  const result = await autocannon({
    requests: vary || check ? [{ ...(vary && { setupRequest: (req) => ({ ...req, body: vary(++sent) }) }), onResponse: check }] : undefined,
    url,
    method: request.method ?? 'GET',
    body: request.body,
    headers: request.body || vary ? { 'content-type': 'application/json' } : {},
    connections: settings.connections,
    duration: settings.seconds,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts + mismatches,
    failureKinds: { non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, mismatches },
    reordered,
  };
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Figures of several slices of one measurement: median latencies, mean rps, summed counts. */
export function combine(slices: LoadFigures[]): LoadFigures {
  const sum = (pick: (f: LoadFigures) => number) => slices.reduce((n, f) => n + pick(f), 0);
  return {
    rps: sum((f) => f.rps) / slices.length,
    p50: median(slices.map((f) => f.p50)),
    p99: median(slices.map((f) => f.p99)),
    requests: sum((f) => f.requests),
    failures: sum((f) => f.failures),
    failureKinds: {
      non2xx: sum((f) => f.failureKinds.non2xx),
      errors: sum((f) => f.failureKinds.errors),
      timeouts: sum((f) => f.failureKinds.timeouts),
      mismatches: sum((f) => f.failureKinds.mismatches ?? 0),
    },
    reordered: sum((f) => f.reordered ?? 0),
  };
}

/**
 * The request body of an operation. With a nonce, the variables also hold one the operation
 * does not declare (graphql-js ignores it) with a new value each request, so that no two
 * requests share an answer in the response memo and each one is executed.
 */
export const bodyOf = (op: Operation, nonce?: number): string =>
  JSON.stringify({ query: op.query, variables: { ...op.variables, ...(nonce === undefined ? {} : { nonce }) } });

/** One request; fails on an HTTP error or a GraphQL error, so the bench never times errors. */
export async function probe(url: string, op: Operation): Promise<{ body: string; kv: KvStats }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyOf(op) });
  const body = await response.text();
  const parsed = JSON.parse(body) as { errors?: unknown[] };
  if (!response.ok || parsed.errors) throw new Error(`${op.name}: ${response.status} ${body.slice(0, 500)}`);
  return { body, kv: parseKvStats(response.headers.get('x-kv-stats')) };
}
