import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { persistedId, SEED_SLUG } from '../shared/delivery-checks';

/**
 * What an operator sees of the real `wrangler dev`: its output carries one JSON line per
 * request (`npm start` logs every request; production samples, failures always), and GET
 * /healthz answers the data version and the deployment. tests/worker/observability.test.ts
 * checks the Analytics Engine points and the sampling.
 */
const servers = inject('servers');
const npmStart = servers.find((s) => s.name === 'npm start')!;

/** The request lines the server printed, once the one wanted is there (console lines reach the output a moment after the answer). */
async function requestLines(logFile: string, wanted: (line: Record<string, any>) => boolean): Promise<Record<string, any>[]> {
  for (let attempt = 0; ; attempt++) {
    const lines = readFileSync(logFile, 'utf8')
      .split('\n')
      .map((l) => l.slice(l.indexOf('{"event":"request"')))
      .filter((l) => l.startsWith('{"event":"request"'))
      .map((l) => JSON.parse(l) as Record<string, any>);
    if (lines.some(wanted) || attempt === 50) return lines;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('observability of wrangler dev (npm start)', () => {
  it('prints one JSON line per request with the operation, path, data version, KV reads and codes', async () => {
    const tag = `observe-${Date.now()}`;
    const body = JSON.stringify({ variables: { slug: SEED_SLUG, tag }, extensions: { persistedQuery: { version: 1, sha256Hash: persistedId('ArticlePage') } } });
    const answer = await fetch(`${npmStart.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(answer.status).toBe(200);
    const health = (await (await fetch(`${npmStart.origin}/healthz`)).json()) as { dataVersion: string };
    const lines = await requestLines(npmStart.logFile, (l) => l.path === 'health');
    const line = lines.find((l) => l.operation === 'ArticlePage' && l.path === 'compiled');
    expect(line).toMatchObject({ operationId: persistedId('ArticlePage'), status: 200, errorCodes: [], dataVersion: health.dataVersion });
    expect(Object.keys(line!.kv).sort()).toEqual(['bytes', 'keys', 'roundTrips', 'versionReads']);
    expect(typeof line!.durationMs).toBe('number');
    expect(readFileSync(npmStart.logFile, 'utf8')).not.toContain(tag);
  });

  it('answers GET /healthz with the data version, its age and the deployment', async () => {
    const answer = await fetch(`${npmStart.origin}/healthz`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const body = (await answer.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok' });
    expect(typeof body.dataVersion).toBe('string');
    expect(body.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(body.build).toMatchObject({ id: expect.any(String) });
  });
});
