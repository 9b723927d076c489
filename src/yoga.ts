import { GraphQLError } from 'graphql';
import { createLogger, createYoga, maskError } from 'graphql-yoga';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { domainErrorOf, toGraphQLError } from './errors';
import { InvalidArgument } from './model/domain-errors';
import type { GraphContext } from './graph/context';
import { schema } from './graph/schema';
import { LIMITS } from './limits';
import { useCompiledOperations } from './plugins/use-compiled-operations';
import { useCostLimit } from './plugins/use-cost-limit';
import { useErrorCodes } from './plugins/use-error-codes';
import { useQueryLimits } from './plugins/use-query-limits';
import { useRateLimit } from './plugins/use-rate-limit';
import { useResponseMemo } from './plugins/use-response-memo';
import { renderOfflineGraphiQL } from './graphiql/render-graphiql';
import { DOCUMENT_ID_PARAMS, useTrustedDocuments } from './plugins/use-trusted-documents';
import type { LruCache } from './store/lru-cache';

/**
 * The GraphQL server, independent of the Workers runtime: the adapter (src/worker.ts) builds
 * a NewsReader per request and passes it in the server context (src/graph/context.ts).
 */
export function createNewsYoga(options: { production: boolean; allowArbitraryOperations?: boolean; responses: LruCache<string> }) {
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
    logging: withoutClientErrors(createLogger('info')),
    // CORS is the adapter's (src/http/cors.ts): it must also cover edge-cache hits.
    cors: false,
    // The explorer sends arbitrary queries: useless, so off, where only persisted ones run.
    graphiql: allowArbitraryOperations,
    renderGraphiQL: renderOfflineGraphiQL,
    // Limits of src/limits.ts: body size (413), no batching, no file uploads (read-only API).
    maxRequestBodySize: LIMITS.maxBodyBytes,
    batching: LIMITS.maxBatch > 1 ? { limit: LIMITS.maxBatch } : false,
    multipart: false,
    // Persisted documents may be named by `documentId` or `doc_id` (src/plugins/use-trusted-documents.ts).
    extraParamNames: [...DOCUMENT_ID_PARAMS],
    // Rate limit first (before any parsing); persisted operations before the query limits,
    // so a persisted id is priced as the operation it stands for.
    plugins: [
      useRateLimit(),
      useTrustedDocuments({ allowArbitraryOperations }),
      useQueryLimits(options),
      useCostLimit(),
      // @defer/@stream (declared in schema/schema.graphql): incremental delivery over
      // multipart/mixed or text/event-stream; the limits and the cost above price the whole
      // document, deferred parts included.
      useDeferStream(),
      useErrorCodes(),
      // Persisted operations compiled at build: no parse, no validation, their own executor.
      // After every plugin that hooks execution, so its executor is the one that runs.
      useCompiledOperations(),
      // Last: a repeated request is answered only once every check above has passed.
      useResponseMemo(options.responses),
    ],
  });
}

/**
 * yoga logs every error that maskError changes, and mapping a domain error to its code is such
 * a change. An InvalidArgument (a forged cursor, a reversed date range) is the client's mistake,
 * answered with BAD_USER_INPUT: not worth a stack trace in the server's log. Everything else
 * (DataUnavailable, unexpected errors) is still logged.
 */
function withoutClientErrors(logger: ReturnType<typeof createLogger>): ReturnType<typeof createLogger> {
  const clientError = (value: unknown) => domainErrorOf(value) instanceof InvalidArgument;
  return { ...logger, error: (...args: unknown[]) => (args.some(clientError) ? undefined : logger.error(...args)) };
}
