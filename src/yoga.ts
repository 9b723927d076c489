import { createYoga } from 'graphql-yoga';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import type { GraphContext } from './graph/context';
import { schema } from './graph/schema';
import { maskOne, serverLogger } from './http/error-masking';
import { DOCUMENT_ID_PARAMS } from './http/request-params';
import { LIMITS } from './limits';
import { useCompiledOperations } from './plugins/use-compiled-operations';
import { useCostLimit } from './plugins/use-cost-limit';
import { useErrorCodes } from './plugins/use-error-codes';
import { useQueryLimits } from './plugins/use-query-limits';
import { useRateLimit } from './plugins/use-rate-limit';
import { useResponseMemo } from './plugins/use-response-memo';
import { renderOfflineGraphiQL } from './graphiql/render-graphiql';
import { useTrustedDocuments } from './plugins/use-trusted-documents';
import type { KeptAnswers } from './store/kept-answers';

/**
 * The GraphQL server, independent of the Workers runtime: the front door (src/front/) builds
 * a NewsReader per request and passes it in the server context (src/graph/context.ts).
 */
export function createNewsYoga(options: { production: boolean; allowArbitraryOperations?: boolean; responses: KeptAnswers }) {
  const allowArbitraryOperations = options.allowArbitraryOperations ?? true;
  return createYoga<GraphContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Domain errors get their code; production hides unexpected errors' messages (src/http/error-masking.ts).
    maskedErrors: { isDev: !options.production, maskError: maskOne },
    logging: serverLogger,
    // CORS is the front door's (src/http/cors.ts): it must also cover edge-cache hits.
    cors: false,
    // The explorer sends arbitrary queries: useless, so off, where only persisted ones run.
    graphiql: allowArbitraryOperations,
    renderGraphiQL: renderOfflineGraphiQL,
    // Limits of src/limits.ts: body size (413), no batching, no file uploads (read-only API).
    maxRequestBodySize: LIMITS.maxBodyBytes,
    batching: LIMITS.maxBatch > 1 ? { limit: LIMITS.maxBatch } : false,
    multipart: false,
    // Persisted documents may be named by `documentId` or `doc_id` (src/http/request-params.ts).
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
