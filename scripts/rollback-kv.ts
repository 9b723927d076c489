/**
 * Points readers back at a kept data version (the one before the current by default).
 *
 *   tsx scripts/rollback-kv.ts [--to VERSION] [--remote] [--persist-to DIR]
 */
import { parseArgs } from 'node:util';
import { rollback } from '../tools/publish/publish';
import { openKv } from '../tools/publish/kv-target';

const { values } = parseArgs({
  options: { to: { type: 'string' }, remote: { type: 'boolean', default: false }, 'persist-to': { type: 'string' } },
});
const target = await openKv({ remote: values.remote!, persistTo: values['persist-to'] });
try {
  await rollback(target.writer, values.to, (line) => console.log(line));
} catch (error) {
  console.error(`rollback failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await target.close();
}
