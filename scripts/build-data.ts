/**
 * The build step: validates data/ and writes the KV entries of a new data version.
 *
 *   tsx scripts/build-data.ts [--data DIR] [--out DIR]
 *
 * Writes OUT/kv-data.json (every key of the version) and OUT/kv-pointer.json (the pointer,
 * to be written last), as arrays that `wrangler kv bulk put` takes. On any problem it lists
 * them all, writes nothing, and exits 1.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDataSetStreamed } from '../tools/build/build-data-streamed';
import { formatProblem } from '../tools/build/problems';
import { readSourceFiles } from '../tools/build/source-files';
import { writeBulkJson } from '../tools/build/write-bulk-json';

const { values } = parseArgs({
  options: { data: { type: 'string', default: 'data' }, out: { type: 'string', default: '.build' } },
});
const dataDir = values.data!;
const outDir = values.out!;

// Streamed (tools/build/search-spill.ts): the entries are built as kv-data.json is written.
const result = await buildDataSetStreamed(readSourceFiles(dataDir), {
  builtAt: new Date().toISOString(),
  hash: async (text) => createHash('sha256').update(text).digest('hex'),
});

if (!result.ok) {
  console.error(`The data in ${dataDir}/ has ${result.problems.length} problem(s); nothing was written:`);
  for (const problem of result.problems) console.error(`  ${dataDir}/${formatProblem(problem)}`);
  process.exit(1);
}

const { version, entries, pointer, summary } = result.data;
mkdirSync(outDir, { recursive: true });
try {
  writeBulkJson(join(outDir, 'kv-data.json'), entries);
} finally {
  result.data.dispose();
}
writeBulkJson(join(outDir, 'kv-pointer.json'), [pointer]);
console.log(
  `data version ${version}: ${summary.articles} article(s), ${summary.entities} entities, ` +
    `${summary.mentions} mentions, ${summary.keys} keys, ${summary.bytes} bytes -> ${outDir}/kv-data.json`,
);
