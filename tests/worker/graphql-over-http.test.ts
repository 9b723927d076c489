import { serverAudits } from 'graphql-http';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveryWorker } from './delivery-helpers';
import { seedKv } from './helpers';

/**
 * The GraphQL-over-HTTP spec's server audit (graphql-http, the spec's reference implementation),
 * run against the worker with arbitrary queries allowed (the audit sends its own documents).
 * Every MUST passes. SHOULD items that fail are pinned by id, so a change either way is seen.
 */
const KNOWN_SHOULD_FAILURES: Record<string, string> = {};

beforeAll(seedKv);

const send = deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'true' });
const audits = serverAudits({
  url: 'http://localhost/graphql',
  fetchFn: (input: RequestInfo, init?: RequestInit) => send(new Request(input, init)),
});

describe('GraphQL-over-HTTP server audit', () => {
  for (const audit of audits.filter((a) => a.name.startsWith('MUST'))) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    });
  }

  it('SHOULD and MAY items: only the known ones fail', async () => {
    const optional = audits.filter((a) => !a.name.startsWith('MUST'));
    expect(optional.length).toBeGreaterThan(40); // graphql-http 1.23: 23 SHOULD + 25 MAY
    const failing: Record<string, string> = {};
    for (const audit of optional) {
      const result = await audit.fn();
      if (result.status !== 'ok') failing[audit.id] = `${audit.name}: ${result.reason}`;
    }
    expect(failing).toEqual(KNOWN_SHOULD_FAILURES);
  });
});
