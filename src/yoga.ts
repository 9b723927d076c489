import { GraphQLError } from 'graphql';
import { createYoga, maskError } from 'graphql-yoga';
import { domainErrorOf, toGraphQLError } from './errors';
import type { GraphContext } from './graph/context';
import { schema } from './graph/schema';
import { LIMITS } from './limits';
import { useCostLimit } from './plugins/use-cost-limit';
import { useErrorCodes } from './plugins/use-error-codes';
import { useQueryLimits } from './plugins/use-query-limits';
import { useRateLimit } from './plugins/use-rate-limit';
import { useResponseMemo } from './plugins/use-response-memo';
import { renderOfflineGraphiQL } from './graphiql/render-graphiql';
import { useTrustedDocuments } from './plugins/use-trusted-documents';

/**
 * The GraphQL server, independent of the Workers runtime: the adapter (src/worker.ts) builds
 * a NewsReader per request and passes it in the server context (src/graph/context.ts).
 */
export function createNewsYoga(options: { production: boolean; allowArbitraryOperations?: boolean }) {
  const allowArbitraryOperations = options.allowArbitraryOperations ?? true;
  return createYoga<GraphContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Domain errors get their code (src/errors.ts); production hides unexpected errors' messages.
    maskedErrors: {
      isDev: !options.production,
      maskError(error, message, isDev) {
        const domain = domainErrorOf(error);
        return domain ? toGraphQLError(domain, error instanceof GraphQLError ? error : undefined) : maskError(error, message, isDev);
      },
    },
    // CORS is the adapter's (src/http/cors.ts): it must also cover edge-cache hits.
    cors: false,
    // The explorer sends arbitrary queries: useless, so off, where only persisted ones run.
    graphiql: allowArbitraryOperations,
    renderGraphiQL: renderOfflineGraphiQL,
    // Limits of src/limits.ts: body size (413), no batching, no file uploads (read-only API).
    maxRequestBodySize: LIMITS.maxBodyBytes,
    batching: LIMITS.maxBatch > 1 ? { limit: LIMITS.maxBatch } : false,
    multipart: false,
    // Rate limit first (before any parsing); persisted operations before the query limits,
    // so a persisted id is priced as the operation it stands for.
    plugins: [
      useRateLimit(),
      useTrustedDocuments({ allowArbitraryOperations }),
      useQueryLimits(options),
      useCostLimit(),
      useErrorCodes(),
      // Last: a repeated request is answered only once every check above has passed.
      useResponseMemo(),
    ],
  });
}
