import { serverAudits, type AuditResult } from 'graphql-http';

/**
 * The GraphQL-over-HTTP spec's server audit (graphql-http, the spec's reference
 * implementation), run by tests/worker/graphql-over-http.test.ts inside workerd and by
 * tests/e2e/audit.test.ts against the real `wrangler dev` server, with one list
 * of known exceptions for both: a test that pins it fails when either server differs.
 *
 * Every MUST and every SHOULD passes. MAY items that fail are listed with the reason.
 */
export const KNOWN_FAILURES: Readonly<Record<string, string>> = {};

export interface AuditReport {
  /** How many audits of each level ran, and which failed (id -> name: reason). */
  counts: { MUST: number; SHOULD: number; MAY: number };
  failing: Record<string, string>;
  passed: { MUST: number; SHOULD: number; MAY: number };
}

type Fetch = (input: Parameters<typeof fetch>[0], init?: RequestInit) => Promise<Response>;

const level = (name: string) => (name.startsWith('MUST') ? 'MUST' : name.startsWith('SHOULD') ? 'SHOULD' : 'MAY');

/** Runs every audit (the server must allow arbitrary queries: the audit sends its own documents). */
export async function runAudit(url: string, fetchFn: Fetch): Promise<AuditReport> {
  const report: AuditReport = { counts: { MUST: 0, SHOULD: 0, MAY: 0 }, passed: { MUST: 0, SHOULD: 0, MAY: 0 }, failing: {} };
  for (const audit of serverAudits({ url, fetchFn })) {
    const which = level(audit.name);
    report.counts[which] += 1;
    const result: AuditResult = await audit.fn();
    if (result.status === 'ok') report.passed[which] += 1;
    else report.failing[audit.id] = `${audit.name}: ${result.reason}`;
  }
  return report;
}
