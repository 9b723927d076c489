/**
 * Writes what the worker takes from schema/schema.graphql, so the SDL stays the only place the
 * API is defined:
 *   - src/graph/type-defs.gen.ts: the SDL as a string, bundled into the worker;
 *   - src/graph/resolver-types.gen.ts: resolver and argument types (tools/codegen/);
 *   - src/model/schema-enums.gen.ts: the enums, which the data model and format use;
 *   - schema/*.schema.json: JSON Schemas of the data files, from their zod definitions, for
 *     editors (committed, so a fresh clone has them; tests/node/data-schemas.test.ts keeps them current).
 * A file is rewritten only when its text changes, so watchers and caches stay quiet.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'graphql';
import { enumsModule, resolverTypesModule } from '../tools/codegen/schema-types';

const root = new URL('../', import.meta.url);
const sdl = readFileSync(new URL('schema/schema.graphql', root), 'utf8');
parse(sdl); // fail here, with the line and column, rather than when the worker starts

function write(path: string, text: string): void {
  const target = new URL(path, root);
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // first run
  }
  if (current !== text) writeFileSync(target, text);
}

const banner = '// Generated from schema/schema.graphql by scripts/generate-from-schema.ts. Do not edit.\n';
write('src/graph/type-defs.gen.ts', `${banner}export default ${JSON.stringify(sdl)};\n`);
write('src/graph/resolver-types.gen.ts', await resolverTypesModule(sdl));
write('src/model/schema-enums.gen.ts', await enumsModule(sdl));
// The data format uses the enums just written: load it after them.
const { dataSchemas } = await import('../tools/codegen/data-schemas');
for (const [name, text] of Object.entries(dataSchemas())) write(`schema/${name}`, text);
