import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KV_REST_LIMITS, putBatches, restKvWriter } from './kv-rest';
import { publish, type DataToPublish } from './publish';
import { POINTER_KEY } from '../../src/model/keys';
import { startKvRestServer, type KvRestServer } from '../fixtures/kv-rest-server';

/**
 * `npm run kv:load -- --remote` against a local server that keeps the documented contract of
 * Cloudflare's KV REST endpoints (tools/fixtures/kv-rest-server.ts), with faults.
 */
let server: KvRestServer;
let waits: number[];
beforeEach(async () => {
  server = await startKvRestServer('acc', 'ns', 'token');
  waits = [];
});
afterEach(() => server.close());

const writer = (maxAttempts = 8) =>
  restKvWriter({ accountId: 'acc', namespaceId: 'ns', apiToken: 'token', baseUrl: server.baseUrl, maxAttempts, sleep: async (ms) => void waits.push(ms) });

function version(name: string, size: number, valueBytes = 20): DataToPublish {
  return {
    pointer: { version: name, builtAt: '2026-01-01T00:00:00.000Z', articleCount: size, entityCount: 0 },
    entries: Array.from({ length: size }, (_, i) => ({ key: `v:${name}:a:item-${i}`, value: JSON.stringify({ i, pad: 'x'.repeat(valueBytes) }) })),
  };
}
const pointer = () => JSON.parse(server.store.get(POINTER_KEY) ?? 'null')?.version ?? null;
const puts = () => server.requests.filter((r) => r.method === 'PUT' && r.status === 200);

describe('publishing through the KV REST API', { timeout: 60_000 }, () => {
  it('writes 25,000 keys in bulk writes of at most 10,000 pairs, then switches the pointer', async () => {
    await publish(writer(), version('v1', 25_000));
    // The version's place in the sync log goes with its keys (tools/publish/sync-writer.ts).
    expect(puts().slice(0, 3).map((r) => r.pairs)).toEqual([10_000, 10_000, 5_001]);
    expect(server.requests.filter((r) => r.status !== 200)).toEqual([]);
    expect(pointer()).toBe('v1');
    expect([...server.writes.values()].every((n) => n === 1)).toBe(true);
  });

  it('splits bulk writes by bytes too (the 100 MB limit, here checked at 1 MB)', () => {
    const batches = putBatches(version('v1', 300, 10_000).entries, 1_000_000);
    expect(batches.map((b) => b.length)).toEqual([99, 99, 99, 3]);
    expect(batches.every((b) => Buffer.byteLength(JSON.stringify(b)) <= 1_000_000)).toBe(true);
    expect(putBatches(version('v1', 1, 10).entries, KV_REST_LIMITS.putBytes)).toHaveLength(1);
    expect(() => putBatches(version('v1', 1, 2_000_000).entries, 1_000_000)).toThrow('alone is over the 1000000-byte limit');
  });

  it('backs off on 429 (waiting Retry-After) and on 503, and finishes', async () => {
    server.faults.rateLimitEvery = 3;
    server.faults.unavailableEvery = 7;
    await publish(writer(), version('v1', 250));
    expect(server.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(server.requests.filter((r) => r.status === 503).length).toBeGreaterThan(0);
    expect(waits).toContain(1000);
    expect(pointer()).toBe('v1');
  });

  it('writes again the keys a bulk write reports unsuccessful', async () => {
    server.faults.notStoredOnce = new Set(['v:v1:a:item-7', 'v:v1:a:item-200']);
    await publish(writer(), version('v1', 250));
    expect(server.store.get('v:v1:a:item-200')).toBeDefined();
    expect(pointer()).toBe('v1');
  });

  it('resumes an upload interrupted halfway without rewriting what is there; readers stay on the old version until the switch', async () => {
    await publish(writer(), version('v1', 50));
    server.faults.outageAfterPuts = puts().length + 2; // two bulk writes of v2, then an outage
    const v2 = version('v2', 25_000);
    await expect(publish(writer(3), v2)).rejects.toThrow('HTTP 500');
    expect(pointer()).toBe('v1');
    const stored = v2.entries.filter((e) => server.store.has(e.key)).length;
    expect(stored).toBe(20_000);

    server.faults.outageAfterPuts = undefined;
    await publish(writer(), v2);
    expect(pointer()).toBe('v2');
    expect(v2.entries.every((e) => server.writes.get(e.key) === 1)).toBe(true);
  });

  it('refuses a bad token and an unknown namespace with the API error, writing nothing', async () => {
    const bad = restKvWriter({ accountId: 'acc', namespaceId: 'ns', apiToken: 'wrong', baseUrl: server.baseUrl });
    await expect(publish(bad, version('v1', 5))).rejects.toThrow('HTTP 403 10000: Authentication error');
    const elsewhere = restKvWriter({ accountId: 'acc', namespaceId: 'other', apiToken: 'token', baseUrl: server.baseUrl });
    await expect(publish(elsewhere, version('v1', 5))).rejects.toThrow('HTTP 404 10013: namespace not found');
    expect(server.store.size).toBe(0);
  });

  it('lists keys a page of 1,000 at a time', async () => {
    await publish(writer(), version('v1', 2_500));
    expect(await writer().list('v:v1:')).toHaveLength(2_500);
    expect(server.requests.filter((r) => r.path === '/keys').length).toBeGreaterThanOrEqual(3);
  });
});
