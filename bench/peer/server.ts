/**
 * The bench's peer: Apollo Server 4 on Node (its standalone HTTP server), the project's
 * schema (schema/schema.graphql) and the worker's documents held in memory, twice in one
 * process: as is, and with Apollo's full-response cache (@apollo/server-plugin-response-cache,
 * in-memory LRU) behind a cache-control default of 60 s, which it needs to cache anything.
 * Run as its own process so its CPU time is its own:
 *
 *   node --import tsx bench/peer/server.ts --kv-url URL [--port P] [--cached-port Q]
 *
 * Prints one JSON line once both listen: {"plain": url, "cached": url, "documents": n}.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { startStandaloneServer } from '@apollo/server/standalone';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { loadDocuments } from './documents';
import { peerResolvers } from './resolvers';

const { values } = parseArgs({
  options: { 'kv-url': { type: 'string' }, port: { type: 'string', default: '0' }, 'cached-port': { type: 'string', default: '0' } },
});
if (!values['kv-url']) throw new Error('usage: bench/peer/server.ts --kv-url URL [--port P] [--cached-port Q]');

const typeDefs = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
const db = await loadDocuments(values['kv-url']);
const resolvers = peerResolvers(db);

async function serve(port: number, plugins: ApolloServerPlugin[]): Promise<string> {
  const server = new ApolloServer({ typeDefs, resolvers, plugins });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port } });
  return url.replace(/\/$/, '');
}

const plain = await serve(Number(values.port), []);
const cached = await serve(Number(values['cached-port']), [
  ApolloServerPluginCacheControl({ defaultMaxAge: 60 }),
  responseCachePlugin(),
]);
console.log(JSON.stringify({ plain, cached, documents: db.articles.size + db.entities.size }));
