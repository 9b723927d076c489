/**
 * Persisted operations: validates operations/*.graphql against schema/schema.graphql and writes
 *   - src/graph/persisted-operations.gen.ts (id -> body, bundled into the worker), and
 *   - public/persisted-query-manifest.json (Apollo's manifest format, served to app builds).
 * Adding an operation is adding a file. On any problem it lists them all and exits 1.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { compileOperations } from '../tools/build/persisted-operations';
import { formatProblem } from '../tools/build/problems';

const root = new URL('../', import.meta.url);
const sdl = readFileSync(new URL('schema/schema.graphql', root), 'utf8');
const files = readdirSync(new URL('operations/', root))
  .filter((name) => name.endsWith('.graphql'))
  .sort();
const result = await compileOperations(
  sdl,
  files.map((name) => ({ file: `operations/${name}`, text: readFileSync(new URL(`operations/${name}`, root), 'utf8') })),
  async (text) => createHash('sha256').update(text).digest('hex'),
);
if (!result.ok) {
  console.error(`operations/ has ${result.problems.length} problem(s) against schema/schema.graphql; nothing was written:`);
  for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}

const { operations } = result.manifest;
const byId = Object.fromEntries(operations.map((op) => [op.id, op.body]));
const banner = '// Generated from operations/*.graphql by scripts/build-operations.ts. Do not edit.\n';
writeIfChanged(
  new URL('src/graph/persisted-operations.gen.ts', root),
  `${banner}export default ${JSON.stringify(byId, null, 2)} as Record<string, string>;\n`,
);
mkdirSync(new URL('public/', root), { recursive: true });
writeIfChanged(new URL('public/persisted-query-manifest.json', root), JSON.stringify(result.manifest, null, 2) + '\n');
console.log(`persisted operations: ${operations.map((op) => `${op.name} ${op.id.slice(0, 12)}`).join(', ')}`);

/** Leaves an unchanged file alone, so watchers (wrangler dev, vitest) do not rebuild for nothing. */
function writeIfChanged(url: URL, text: string): void {
  let current = '';
  try {
    current = readFileSync(url, 'utf8');
  } catch {
    // first run
  }
  if (current !== text) writeFileSync(url, text);
}
