import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import pointerEntries from '../../.build/kv-pointer.json';
import { metricsPoint, type RequestRecord } from '../../src/http/request-log';
import { createWorker } from '../../src/worker';
import { persistedGetUrl, persistedId, SEED_SLUG } from './delivery-helpers';
import { faulty } from './faulty-kv';
import { seedKv } from './helpers';

/**
 * What a deployment can be observed by (src/front/observe.ts, src/front/health.ts): one JSON log
 * line and one Analytics Engine data point per request, each naming the operation, the path that
 * answered, the data version, KV reads, status and error codes; and GET /healthz.
 */
const VERSION = (JSON.parse(pointerEntries[0]!.value) as { version: string }).version;
const BUILD = { id: 'v-test-1', tag: 'release-7', timestamp: '2026-12-07T00:00:00Z' };

function observed(vars: Record<string, unknown> = {}) {
  const points: AnalyticsEngineDataPoint[] = [];
  const lines: Record<string, any>[] = [];
  const metrics = { writeDataPoint: (p?: AnalyticsEngineDataPoint) => void points.push(p!) } as AnalyticsEngineDataset;
  const testEnv = { ...env, RATE_LIMIT: 'off', LOG_SAMPLE_RATE: '1', METRICS: metrics, CF_VERSION_METADATA: BUILD, ...vars } as unknown as Env;
  const w = createWorker();
  vi.spyOn(console, 'log').mockImplementation((text: unknown) => {
    if (typeof text === 'string' && text.startsWith('{"event":"request"')) lines.push(JSON.parse(text));
  });
  const send = async (input: string, init?: RequestInit) => {
    const ctx = createExecutionContext();
    const response = await w.fetch(new Request(new URL(input, 'http://localhost'), init) as Request<unknown, IncomingRequestCfProperties>, testEnv, ctx);
    await waitOnExecutionContext(ctx);
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  return { send, points, lines };
}

const persistedPost = (name: string, variables: Record<string, unknown>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: persistedId(name) } } }),
});

beforeAll(seedKv);
afterEach(() => vi.restoreAllMocks());

describe('request log and metrics', () => {
  it('writes one line and one data point per request, naming the operation and the path that answered', async () => {
    const { send, points, lines } = observed();
    const init = persistedPost('ArticlePage', { slug: SEED_SLUG });
    expect((await send('/graphql', init)).status).toBe(200);
    expect((await send('/graphql', init)).status).toBe(200);
    expect(lines).toHaveLength(2);
    expect(points).toHaveLength(2);
    const [first, second] = lines;
    expect(first).toMatchObject({ event: 'request', operation: 'ArticlePage', operationId: persistedId('ArticlePage'), path: 'compiled', dataVersion: VERSION, status: 200, errorCodes: [] });
    expect(first!.kv.roundTrips).toBeGreaterThan(0);
    expect(first!.kv.keys).toBeGreaterThan(0);
    expect(typeof first!.durationMs).toBe('number');
    // The repeat is the memo's, with no KV key read.
    expect(second).toMatchObject({ operation: 'ArticlePage', path: 'memo', status: 200 });
    expect(second!.kv.keys).toBe(0);
    // No client address, no variables.
    expect(JSON.stringify(lines)).not.toContain(SEED_SLUG);
    expect(points[0]).toEqual(metricsPoint(first as RequestRecord));
  });

  it('names the edge cache for a repeated GET', async () => {
    const { send, lines } = observed();
    const url = persistedGetUrl('ArticlePage', { slug: SEED_SLUG, tag: 'observability' });
    await send(url);
    await send(url);
    expect(lines.map((l) => l.path)).toEqual(['compiled', 'edge-cache']);
  });

  it('logs every failure even when successes are not sampled, with its codes', async () => {
    const { send, points, lines } = observed({ LOG_SAMPLE_RATE: '0', ALLOW_ARBITRARY_QUERIES: 'true' });
    await send('/graphql', persistedPost('ArticlePage', { slug: SEED_SLUG }));
    await send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ article(slug: 1) { nope } }' }) });
    await send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }) });
    expect(points).toHaveLength(3);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ operation: null, path: 'graphql-js', errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(lines[1]).toMatchObject({ operation: 'unknown-persisted-id', errorCodes: ['PERSISTED_QUERY_NOT_FOUND'] });
    expect(points[1]!.blobs![3]).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('still answers when the metrics binding throws', async () => {
    const broken = { writeDataPoint: () => { throw new Error('AE down'); } };
    const { send, lines } = observed({ METRICS: broken });
    expect((await send('/graphql', persistedPost('ArticlePage', { slug: SEED_SLUG }))).status).toBe(200);
    expect(lines).toHaveLength(1);
  });

  it('refuses a malformed LOG_SAMPLE_RATE by name', async () => {
    const { send } = observed({ LOG_SAMPLE_RATE: 'often' });
    const answer = await send('/graphql', persistedPost('ArticlePage', { slug: SEED_SLUG }));
    expect(answer.status).toBe(500);
    expect(answer.body).toContain('LOG_SAMPLE_RATE');
  });
});

describe('GET /healthz', () => {
  it('answers the data version, its build time and the deployment, never cached', async () => {
    const { send, lines } = observed();
    const answer = await send('/healthz');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const body = JSON.parse(answer.body);
    expect(body).toMatchObject({ status: 'ok', dataVersion: VERSION, build: BUILD });
    expect(body.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(body.articles).toBeGreaterThan(0);
    expect(lines[0]).toMatchObject({ path: 'health', status: 200, dataVersion: VERSION });
  });

  it('answers 503 with a code when the pointer cannot be read', async () => {
    const { kv } = faulty(env.NEWS, { fail: () => true });
    const { send } = observed({ NEWS: kv, VERSION_CHECK_SECONDS: '0' });
    const answer = await send('/healthz');
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'unavailable', code: 'DATA_UNAVAILABLE', build: BUILD });
  });
});
