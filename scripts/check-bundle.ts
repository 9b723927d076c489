/**
 * Checks the bundle `wrangler deploy --dry-run --outdir DIR` wrote (npm run bundle:check):
 * fails when it holds two copies of any module of graphql (tools/bundle/bundle-modules.ts says
 * why that breaks error handling). Duplicates of other packages only cost bytes: listed.
 *
 *   tsx scripts/check-bundle.ts [DIR]   (default dist)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { duplicateModules } from '../tools/bundle/bundle-modules';

/** Packages whose classes are compared with instanceof: one copy or the worker misbehaves. */
const SINGLE_COPY = new Set(['graphql']);

const dir = process.argv[2] ?? 'dist';
const mapFile = join(dir, 'index.js.map');
let sources: string[];
try {
  sources = (JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[] }).sources;
} catch (error) {
  console.error(`${mapFile}: cannot read the bundle's source map (${(error as Error).message}); run wrangler deploy --dry-run --outdir ${dir}`);
  process.exit(1);
}
const all = duplicateModules(sources);
const fatal = all.filter((d) => SINGLE_COPY.has(d.module.split('/')[0]!));
const graphqlFiles = sources.filter((s) => /node_modules\/graphql\//.test(s)).length;
for (const d of all.filter((x) => !fatal.includes(x))) console.log(`note: ${d.module} bundled twice: ${d.files.join(', ')}`);
if (fatal.length > 0) {
  console.error(`${mapFile}: ${fatal.length} graphql module(s) bundled twice (one GraphQLError class must serve all):`);
  for (const d of fatal) console.error(`  ${d.module}: ${d.files.join(', ')}`);
  console.error('Alias the import to the .mjs file in wrangler.toml [alias].');
  process.exit(1);
}
console.log(`bundle check: ${sources.length} modules, ${graphqlFiles} of graphql, each once.`);
