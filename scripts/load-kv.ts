/**
 * Publishes the build output to KV (tools/publish/publish.ts): every key of the new data version,
 * read back, then the pointer; the two previous versions stay for `npm run kv:rollback`.
 *
 *   tsx scripts/load-kv.ts [--remote] [--out DIR] [--persist-to DIR]   (local KV unless --remote;
 *   --persist-to: the local state directory a `wrangler dev --persist-to DIR` reads)
 */
import { parseArgs } from 'node:util';
import { publish } from '../tools/publish/publish';
import { openKv, readBuildOutput } from '../tools/publish/kv-target';

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    out: { type: 'string', default: '.build' },
    'persist-to': { type: 'string' },
  },
});
const target = await openKv({ remote: values.remote!, persistTo: values['persist-to'] });
try {
  await publish(target.writer, readBuildOutput(values.out!), (line) => console.log(line));
} catch (error) {
  console.error(`publish failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await target.close();
}
