/**
 * Persisted operations: validates operations/*.graphql, and the client manifests apps drop in
 * operations/clients/*.json (tools/operations/client-manifests.ts), against schema/schema.graphql
 * and the request limits, and writes
 *   - src/graph/persisted-operations.gen.ts (id -> body of both, bundled into the worker), and
 *   - src/graph/compiled/operations.gen.ts (each operation compiled: docs/compiled-operations.md), and
 *   - public/persisted-query-manifest.json (this API's own operations, Apollo's format).
 * Adding an operation is adding a file. Every id built is recorded in operations/registered.json
 * (tools/operations/operation-ledger.ts); a registered id that is no longer built is refused
 * unless the ledger retires it. On any problem it lists them all and exits 1.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { clientManifestEntries, compileClientManifests } from '../tools/operations/client-manifests';
import { checkLedger, LEDGER_FILE, parseLedger, type CurrentOperation } from '../tools/operations/operation-ledger';
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
const ledgerUrl = new URL(LEDGER_FILE, root);
const read = parseLedger(existsSync(ledgerUrl) ? readFileSync(ledgerUrl, 'utf8') : '{ "operations": [] }');
const nameOf = (text: string) => /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(text)?.[1] ?? '(anonymous)';
const fileOf = new Map(files.map((name) => [nameOf(readFileSync(new URL(`operations/${name}`, root), 'utf8')), `operations/${name}`]));
const current: CurrentOperation[] = [
  ...(result.ok ? result.manifest.operations.map((op) => ({ id: op.id, name: op.name, where: fileOf.get(op.name) ?? 'operations/' })) : []),
  ...clientFiles.flatMap((name) => {
    const file = `operations/clients/${name}`;
    return clientManifestEntries(file, readFileSync(new URL(name, clientsDir), 'utf8')).flatMap((e) =>
      'message' in e || !clients.operations.has(e.id.replace(/^sha256:/, '')) ? [] : [{ id: e.id.replace(/^sha256:/, ''), name: nameOf(e.body), where: file }],
    );
  }),
];
const ledger = 'ledger' in read ? checkLedger(read.ledger, current, new Date().toISOString().slice(0, 10)) : { ledger: undefined, problems: read.problems };
const problems = [...(result.ok ? [] : result.problems), ...clients.problems, ...(result.ok && clients.problems.length === 0 ? ledger.problems : [])];
if (!result.ok || problems.length > 0) {
  console.error(`operations/ has ${problems.length} problem(s) against schema/schema.graphql and its limits; nothing was written:`);
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}

const { operations } = result.manifest;
writeIfChanged(ledgerUrl, JSON.stringify(ledger.ledger, null, 2) + '\n');
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
