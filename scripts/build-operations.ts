/**
 * Persisted operations: validates operations/*.graphql, and the client manifests apps drop in
 * operations/clients/*.json (tools/operations/client-manifests.ts), against schema/schema.graphql
 * and the request limits, and writes
 *   - src/graph/persisted-operations.gen.ts (id -> body of both, bundled into the worker), and
 *   - src/graph/compiled/operations.gen.ts (each operation compiled: docs/compiled-operations.md), and
 *   - public/persisted-query-manifest.json (this API's own operations, Apollo's format).
 * Adding an operation is adding a file. On any problem it lists them all and exits 1.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { compileClientManifests } from '../tools/operations/client-manifests';
import { emitCompiled } from '../tools/operations/emit-compiled';
import { compileOperations } from '../tools/operations/persisted-operations';
import { formatProblem } from '../tools/data/problems';

const root = new URL('../', import.meta.url);
const sdl = readFileSync(new URL('schema/schema.graphql', root), 'utf8');
const files = readdirSync(new URL('operations/', root))
  .filter((name) => name.endsWith('.graphql'))
  .sort();
const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex');
const result = await compileOperations(
  sdl,
  files.map((name) => ({ file: `operations/${name}`, text: readFileSync(new URL(`operations/${name}`, root), 'utf8') })),
  sha256,
);
const clientsDir = new URL('operations/clients/', root);
const clientFiles = existsSync(clientsDir) ? readdirSync(clientsDir).filter((name) => name.endsWith('.json')).sort() : [];
const clients = await compileClientManifests(
  buildSchema(sdl),
  clientFiles.map((name) => ({ file: `operations/clients/${name}`, text: readFileSync(new URL(name, clientsDir), 'utf8') })),
  sha256,
);
const problems = [...(result.ok ? [] : result.problems), ...clients.problems];
if (!result.ok || problems.length > 0) {
  console.error(`operations/ has ${problems.length} problem(s) against schema/schema.graphql and its limits; nothing was written:`);
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}

const { operations } = result.manifest;
const byId = { ...Object.fromEntries(clients.operations), ...Object.fromEntries(operations.map((op) => [op.id, op.body])) };
const banner = '// Generated from operations/*.graphql by scripts/build-operations.ts. Do not edit.\n';
writeIfChanged(
  new URL('src/graph/persisted-operations.gen.ts', root),
  `${banner}export default ${JSON.stringify(byId, null, 2)} as Record<string, string>;\n`,
);
const compiled = emitCompiled(buildSchema(sdl), byId);
writeIfChanged(new URL('src/graph/compiled/operations.gen.ts', root), compiled.source);
mkdirSync(new URL('public/', root), { recursive: true });
writeIfChanged(new URL('public/persisted-query-manifest.json', root), JSON.stringify(result.manifest, null, 2) + '\n');
console.log(`persisted operations: ${operations.map((op) => `${op.name} ${op.id.slice(0, 12)}`).join(', ')}`);
console.log(
  `compiled: ${compiled.compiled.length}; on graphql-js: ${compiled.fallbacks.map((f) => `${f.name} (${f.reason})`).join(', ') || 'none'}`,
);
if (clientFiles.length > 0) console.log(`client operations (${clientFiles.join(', ')}): ${clients.names.join(', ')}`);

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
