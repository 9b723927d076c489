/**
 * `npm run schema:release`: schema/schema.graphql becomes the released schema, the one the next
 * `schema:check` holds changes to. Refused while the check fails: a release cannot break apps.
 */
import { copyFileSync } from 'node:fs';
import { gateFiles } from '../tools/schema-gate/gate-files';

const root = new URL('../', import.meta.url);
const report = gateFiles(root);
if (report.errors.length > 0) {
  console.error('schema:release: refused while `npm run schema:check` fails; schema/released.graphql is unchanged.');
  process.exit(1);
}
copyFileSync(new URL('schema/schema.graphql', root), new URL('schema/released.graphql', root));
console.log(`schema:release: schema/released.graphql is now schema/schema.graphql (${report.notes.length} change(s) released)`);
