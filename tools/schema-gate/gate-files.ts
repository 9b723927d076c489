import { existsSync, readFileSync } from 'node:fs';
import type { AcceptedChange } from './accepted-changes';
import { readRegisteredOperations } from './registered-operations';
import { schemaGate, type GateReport } from './schema-gate';

/**
 * The schema gate on a checkout: schema/schema.graphql against schema/released.graphql and
 * operations/, with the breaking changes reviewers accepted (schema/accepted-changes.json).
 */
export function gateFiles(root: URL): GateReport & { operations: number } {
  const released = readFileSync(new URL('schema/released.graphql', root), 'utf8');
  const working = readFileSync(new URL('schema/schema.graphql', root), 'utf8');
  const { operations, problems } = readRegisteredOperations(root);
  const acceptedFile = new URL('schema/accepted-changes.json', root);
  const accepted = existsSync(acceptedFile) ? (JSON.parse(readFileSync(acceptedFile, 'utf8')) as { accepted: AcceptedChange[] }).accepted : [];
  const report = schemaGate(released, working, operations, accepted);
  return { errors: [...problems, ...report.errors], notes: report.notes, operations: operations.length };
}
