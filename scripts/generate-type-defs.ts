/**
 * Writes src/graph/type-defs.gen.ts from schema/schema.graphql, so the worker bundle carries
 * the SDL as a string while schema/schema.graphql stays the only place the API is defined.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'graphql';

const source = new URL('../schema/schema.graphql', import.meta.url);
const target = new URL('../src/graph/type-defs.gen.ts', import.meta.url);
const sdl = readFileSync(source, 'utf8');
parse(sdl); // fail here, with the line and column, rather than when the worker starts
const banner = '// Generated from schema/schema.graphql by scripts/generate-type-defs.ts. Do not edit.\n';
const next = `${banner}export default ${JSON.stringify(sdl)};\n`;
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  // first run
}
if (current !== next) writeFileSync(target, next);
