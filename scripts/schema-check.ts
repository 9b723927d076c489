/**
 * `npm run schema:check`: schema/schema.graphql against schema/released.graphql (the schema
 * apps in the field were built on) and every registered operation (tools/schema-gate/).
 * Exits 1, naming each change and each operation it breaks, when apps would break.
 */
import { gateFiles } from '../tools/schema-gate/gate-files';

const report = gateFiles(new URL('../', import.meta.url));
for (const note of report.notes) console.log(`  ${note}`);
if (report.errors.length > 0) {
  console.error(`schema:check: ${report.errors.length} problem(s) for apps built on schema/released.graphql:`);
  for (const error of report.errors) console.error(`  ${error}`);
  console.error('The policy, and how to deprecate: docs/api.md, "Schema changes".');
  process.exit(1);
}
console.log(`schema:check: schema/schema.graphql keeps all ${report.operations} registered operations and apps built on schema/released.graphql working`);
