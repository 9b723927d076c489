/**
 * Static assets (wrangler.toml `[assets]`, directory public/, gitignored): GraphiQL's files
 * from the @graphql-yoga/graphiql package, so the explorer loads from our own origin and works
 * offline (yoga's default page loads them from unpkg), and the SDL for app developers' codegen.
 * They are served by Workers static assets, outside the worker bundle, which stays small.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Headers of the static files (Workers static assets read `_headers`, Cloudflare Pages' format,
 * developers.cloudflare.com/workers/static-assets/headers/): the SDL and the persisted-query
 * manifest are public, read-only, without credentials, so any origin may load them (browser
 * tools: GraphiQL elsewhere, codegen in a web IDE) and each says what it is.
 */
const STATIC_HEADERS = `/schema.graphql
  Access-Control-Allow-Origin: *
  Content-Type: text/plain; charset=utf-8
/persisted-query-manifest.json
  Access-Control-Allow-Origin: *
  Content-Type: application/json; charset=utf-8
`;

const root = new URL('../', import.meta.url);
const graphiqlDist = join(dirname(createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json')), 'dist');
const target = new URL('public/', root);
mkdirSync(target, { recursive: true });
const files = ['yoga-graphiql.umd.js', 'graphiql.css', 'monacoeditorwork'];
for (const file of files) {
  cpSync(join(graphiqlDist, file), new URL(`graphiql/${file}`, target).pathname, { recursive: true });
}
writeFileSync(new URL('schema.graphql', target), readFileSync(new URL('schema/schema.graphql', root)));
writeFileSync(new URL('_headers', target), STATIC_HEADERS);
console.log(`assets: public/graphiql/{${files.join(',')}}, public/schema.graphql, public/_headers`);
