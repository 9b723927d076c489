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
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDataSet } from '../src/build/build-data-set';
import { formatProblem } from '../src/build/problems';
import type { SourceFile } from '../src/build/read-data-set';

const { values } = parseArgs({
  options: { data: { type: 'string', default: 'data' }, out: { type: 'string', default: '.build' } },
});
const dataDir = values.data!;
const outDir = values.out!;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.name.startsWith('.') || entry.name.endsWith('.md') ? [] : [path];
  });
}

const files: SourceFile[] = listFiles(dataDir).map((path) => ({
  path: relative(dataDir, path).split('\\').join('/'),
  text: readFileSync(path, 'utf8'),
}));
const result = await buildDataSet(files, {
  builtAt: new Date().toISOString(),
  hash: async (text) => createHash('sha256').update(text).digest('hex'),
});

if (!result.ok) {
  console.error(`The data in ${dataDir}/ has ${result.problems.length} problem(s); nothing was written:`);
  for (const problem of result.problems) console.error(`  ${dataDir}/${formatProblem(problem)}`);
  process.exit(1);
}

/** Write to a temporary name, then rename: a reader never sees half a file. */
function writeJson(name: string, entries: Array<{ key: string; value: unknown }>): void {
  const path = join(outDir, name);
  const bulk = entries.map((e) => ({ key: e.key, value: JSON.stringify(e.value) }));
  writeFileSync(`${path}.tmp`, JSON.stringify(bulk));
  renameSync(`${path}.tmp`, path);
}

const { version, entries, pointer, summary } = result.data;
mkdirSync(outDir, { recursive: true });
writeJson('kv-data.json', entries);
writeJson('kv-pointer.json', [pointer]);
console.log(
  `data version ${version}: ${summary.articles} article(s), ${summary.entities} entities, ` +
    `${summary.mentions} mentions, ${summary.keys} keys, ${summary.bytes} bytes -> ${outDir}/kv-data.json`,
);
