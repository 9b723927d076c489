import { createYoga } from 'graphql-yoga';
import type { ServerContext, UserContext } from './graph/context';
import { schema } from './graph/schema';
import { useResponseMemo } from './plugins/use-response-memo';
import { NewsReader } from './store/news-reader';

/**
 * The GraphQL server, independent of the Workers runtime: the adapter (index.ts) builds a
 * KvStore per request and passes it in the server context.
 */
export function createNewsYoga(options: { production: boolean }) {
  return createYoga<ServerContext, UserContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Production hides unexpected errors' messages; the codes of expected ones stay.
    maskedErrors: { isDev: !options.production },
    context: ({ store }): UserContext => ({ reader: new NewsReader(store) }),
    plugins: [useResponseMemo()],
  });
}
