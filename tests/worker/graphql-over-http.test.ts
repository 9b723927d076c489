import { beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_FAILURES, runAudit } from '../shared/graphql-over-http-audit';
import { deliveryWorker } from './delivery-helpers';
import { seedKv } from './helpers';

/**
 * The GraphQL-over-HTTP audit (tests/shared/graphql-over-http-audit.ts) inside workerd, with
 * arbitrary queries allowed (the audit sends its own documents). tests/e2e/ runs it against
 * the real `wrangler dev` server with the same list of known failures.
 */
beforeAll(seedKv);

describe('GraphQL-over-HTTP server audit', () => {
  it('passes every MUST and SHOULD; only the known MAY items fail', async () => {
    const send = deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'true' });
    const report = await runAudit('http://localhost/graphql', (input, init) => send(new Request(input, init)));
    expect(report.counts.MUST + report.counts.SHOULD).toBeGreaterThanOrEqual(36); // graphql-http 1.23: 13 MUST, 23 SHOULD
    expect(report.failing).toEqual(KNOWN_FAILURES);
  });
});
