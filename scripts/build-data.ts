/**
 * The build step: validates data/ and writes the KV entries of a new data version.
 *
 *   tsx scripts/build-data.ts [--data DIR] [--out DIR]
 *
 * Writes OUT/kv-data.json (every key of the version) and OUT/kv-pointer.json (the pointer,
 * to be written last), as arrays that `wrangler kv bulk put` takes. On any problem it lists
 * them all, writes nothing, and exits 1 (tools/compile/run-build.ts; docs/input-limits.md).
 */
import { parseArgs } from 'node:util';
import { runBuild } from '../tools/compile/run-build';

const { values } = parseArgs({
  options: { data: { type: 'string', default: 'data' }, out: { type: 'string', default: '.build' } },
});
process.exitCode = await runBuild(values.data!, values.out!, { out: console.log, err: console.error });
