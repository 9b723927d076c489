import { createYoga } from 'graphql-yoga';
import type { ServerContext, UserContext } from './graph/context';
import { schema } from './graph/schema';
import { renderOfflineGraphiQL } from './graphiql/render-graphiql';
import { useTrustedDocuments } from './plugins/use-trusted-documents';
import { NewsReader } from './store/news-reader';

/**
 * The GraphQL server, independent of the Workers runtime: the adapter (index.ts) builds a
 * KvStore per request and passes it in the server context.
 */
export function createNewsYoga(options: { production: boolean; allowArbitraryOperations?: boolean }) {
  const allowArbitraryOperations = options.allowArbitraryOperations ?? true;
  return createYoga<ServerContext, UserContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Production hides unexpected errors' messages; the codes of expected ones stay.
    maskedErrors: { isDev: !options.production },
    // CORS is the adapter's (src/http/cors.ts): it must also cover edge-cache hits.
    cors: false,
    // The explorer sends arbitrary queries: useless, so off, where only persisted ones run.
    graphiql: allowArbitraryOperations,
    renderGraphiQL: renderOfflineGraphiQL,
    plugins: [useTrustedDocuments({ allowArbitraryOperations })],
    context: ({ store }): UserContext => ({ reader: new NewsReader(store) }),
  });
}
