import { isPreflight } from '../http/cors';
import { logLine, metricsPoint, shouldLog, type AnswerPath, type RequestRecord } from '../http/request-log';
import { paramsOf, type Exchange, type Stage } from './exchange';
import { HEALTH_PATH } from './health';
import { operationLabel } from './operation-label';
import { UPDATES_PATH } from './updates';

/**
 * The first stage: once every later stage has answered, one log line (sampled, failures
 * always) and one Analytics Engine data point describe the request (src/http/request-log.ts;
 * queries in docs/operations.md). A stage that throws is recorded as a 500, then rethrown.
 */
export const observeStage: Stage = async (exchange, next) => {
  const started = Date.now();
  let response: Response | undefined;
  try {
    response = await next();
    return response;
  } finally {
    const record = recordOf(exchange, response, Date.now() - started);
    if (shouldLog(record, exchange.config.logSampleRate)) console.log(logLine(record));
    try {
      exchange.metrics?.writeDataPoint(metricsPoint(record));
    } catch {
      // A metrics outage must not fail the answer it describes.
    }
  }
};

function recordOf(exchange: Exchange, response: Response | undefined, durationMs: number): RequestRecord {
  const { store } = exchange;
  const { versionReads, roundTrips, keys, bytes } = store.stats();
  const label = operationLabel(paramsOf(exchange));
  const errorCodes = response ? exchange.errorCodes : [...exchange.errorCodes, 'INTERNAL_SERVER_ERROR'];
  return {
    ...label,
    path: pathOf(exchange),
    dataVersion: store.versionRead(),
    status: response?.status ?? 500,
    errorCodes,
    kv: { versionReads, roundTrips, keys, bytes },
    durationMs,
  };
}

function pathOf(exchange: Exchange): AnswerPath {
  if (exchange.facts.url.pathname === HEALTH_PATH) return 'health';
  if (exchange.facts.url.pathname === UPDATES_PATH) return 'updates';
  if (exchange.cache === 'HIT') return 'edge-cache';
  if (exchange.route) return 'format';
  if (exchange.memoHit) return 'memo';
  if (exchange.compiled.ran) return 'compiled';
  if (isPreflight(exchange.request)) return 'preflight';
  return 'graphql-js';
}
