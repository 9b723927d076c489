import { describe, expect, inject, it } from 'vitest';
import { KNOWN_FAILURES, runAudit } from '../shared/graphql-over-http-audit';

/**
 * The GraphQL-over-HTTP audit against the real `wrangler dev` server, with the exceptions the
 * workerd test pins (tests/shared/graphql-over-http-audit.ts): if the shipped bundle answers
 * differently from the tested code, this fails. The audit sends its own documents, so it runs
 * against the servers that accept query text.
 */
const servers = inject('servers').filter((s) => s.vars.ALLOW_ARBITRARY_QUERIES === 'true');

describe.each(servers)('GraphQL-over-HTTP audit against wrangler dev ($name)', ({ origin }) => {
  it('passes every MUST and SHOULD; only the known items fail', async () => {
    const report = await runAudit(`${origin}/graphql`, fetch);
    console.log(`audit ${origin}: MUST ${report.passed.MUST}/${report.counts.MUST}, SHOULD ${report.passed.SHOULD}/${report.counts.SHOULD}, MAY ${report.passed.MAY}/${report.counts.MAY}`);
    expect(report.counts.MUST + report.counts.SHOULD).toBeGreaterThanOrEqual(36); // graphql-http 1.23: 13 MUST, 23 SHOULD
    expect(report.failing).toEqual(KNOWN_FAILURES);
  });
});
