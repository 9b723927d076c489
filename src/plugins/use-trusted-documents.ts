import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type OnParamsEventPayload, type Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors';
import manifest from '../graph/persisted-operations.gen';

/**
 * Trusted documents (persisted operations): a request names an operation of the build-time
 * manifest by `extensions.persistedQuery.sha256Hash` (the Apollo/urql convention, version 1),
 * over GET or POST. With `allowArbitraryOperations` off, a query text is refused: only the
 * app's own, validated operations run. The manifest is bundled into the worker (a few KB,
 * shipped atomically with the code that serves it, no KV read to look an id up).
 *
 * The codes follow Apollo's automatic persisted queries, which clients already understand.
 */
export function useTrustedDocuments(options: {
  allowArbitraryOperations: boolean;
  operations?: Readonly<Record<string, string>>;
}): Plugin {
  const operations = new Map(Object.entries(options.operations ?? manifest));
  return usePersistedOperations({
    allowArbitraryOperations: options.allowArbitraryOperations,
    getPersistedOperation: (id) => operations.get(id) ?? null,
    customErrors: {
      // The exact message APQ clients (Apollo, urql) match on before retrying with the full query.
      notFound: requestError(ErrorCode.PERSISTED_QUERY_NOT_FOUND, 'PersistedQueryNotFound'),
      persistedQueryOnly: requestError(
        ErrorCode.PERSISTED_QUERY_ONLY,
        'This server runs persisted operations only: send extensions.persistedQuery.sha256Hash without a query.',
      ),
      // A malformed request (no query, no hash, a query that is not a string): 400, as yoga does.
      keyNotFound: requestError(
        ErrorCode.PERSISTED_QUERY_ID_REQUIRED,
        'Send a query, or extensions.persistedQuery {version: 1, sha256Hash} naming a persisted operation.',
        400,
      ),
    },
  });
}

/**
 * A request error (no `data`). GraphQL-over-HTTP: with `application/graphql-response+json` it
 * MUST be 4xx; with `application/json` the server SHOULD answer 200, which APQ clients expect.
 */
function requestError(code: string, message: string, jsonStatus = 200) {
  return ({ request }: OnParamsEventPayload) => {
    const status = request.headers.get('accept')?.includes('application/graphql-response+json') ? 400 : jsonStatus;
    return createGraphQLError(message, { extensions: { code, http: { status } } });
  };
}
