import { describe, expect, it } from 'vitest';
import { errorCodesOf, logLine, metricsPoint, shouldLog, type RequestRecord } from './request-log';

const record = (over: Partial<RequestRecord> = {}): RequestRecord => ({
  operation: 'ArticlePage',
  operationId: 'abc',
  path: 'compiled',
  dataVersion: 'v1',
  status: 200,
  errorCodes: [],
  kv: { versionReads: 1, roundTrips: 2, keys: 15, bytes: 9120 },
  durationMs: 12,
  ...over,
});

describe('request log', () => {
  it('is one JSON line led by its event name', () => {
    const line = logLine(record());
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ event: 'request', ...record() });
  });

  it('samples successes and keeps every failure', () => {
    expect(shouldLog(record(), 0, () => 0)).toBe(false);
    expect(shouldLog(record(), 0.01, () => 0.5)).toBe(false);
    expect(shouldLog(record(), 0.01, () => 0.001)).toBe(true);
    expect(shouldLog(record(), 1, () => 0.999)).toBe(true);
    expect(shouldLog(record({ status: 503 }), 0, () => 0.9)).toBe(true);
    expect(shouldLog(record({ errorCodes: ['BAD_USER_INPUT'] }), 0, () => 0.9)).toBe(true);
  });

  it('makes a bounded data point: the operation as index, pointer reads counted as round trips', () => {
    const point = metricsPoint(record({ operation: 'x'.repeat(500), errorCodes: ['A', 'B'] }));
    expect(point.indexes).toEqual(['x'.repeat(64)]);
    expect(point.blobs).toEqual(['x'.repeat(64), 'compiled', '2xx', 'A', 'v1']);
    expect(point.doubles).toEqual([12, 3, 15, 9120, 200, 2]);
    expect(metricsPoint(record({ operation: null })).indexes).toEqual(['(none)']);
  });

  it('collects each error code once', () => {
    expect(errorCodesOf([{ extensions: { code: 'A' } }, { extensions: { code: 'A' } }, {}, { extensions: { code: 'B' } }])).toEqual(['A', 'B']);
    expect(errorCodesOf(undefined)).toEqual([]);
  });
});
