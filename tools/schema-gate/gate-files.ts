import { readFileSync } from 'node:fs';
import { readRegisteredOperations } from './registered-operations';
import { schemaGate, type GateReport } from './schema-gate';

/** The schema gate on a checkout: schema/schema.graphql against schema/released.graphql and operations/. */
export function gateFiles(root: URL): GateReport & { operations: number } {
  const released = readFileSync(new URL('schema/released.graphql', root), 'utf8');
  const working = readFileSync(new URL('schema/schema.graphql', root), 'utf8');
  const { operations, problems } = readRegisteredOperations(root);
  const report = schemaGate(released, working, operations);
  return { errors: [...problems, ...report.errors], notes: report.notes, operations: operations.length };
}
