import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type OnParamsEventPayload, type Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors';
import manifest from '../graph/persisted-operations.gen';
import { DOCUMENT_ID_PARAMS, parseGetWithDocumentId, persistedOperationId } from '../http/request-params';
import { sha256Hex } from '../text/sha256-hex';

/**
 * Trusted documents (persisted operations): a request names an operation of the build-time
 * manifest by `extensions.persistedQuery.sha256Hash` (Apollo, urql), `documentId` or `doc_id`
 * (src/http/request-params.ts reads which). With `allowArbitraryOperations` off, a query text
 * is refused: only the app's own, validated operations run. The manifest is bundled into the
 * worker (a few KB, shipped atomically with the code that serves it, no KV read to look an id up).
 * The codes follow Apollo's automatic persisted queries, which clients already understand.
 */
export function useTrustedDocuments(options: {
  allowArbitraryOperations: boolean;
  operations?: Readonly<Record<string, string>>;
}): Plugin {
  const operations = new Map(Object.entries(options.operations ?? manifest));
  const persisted = usePersistedOperations({
    allowArbitraryOperations: options.allowArbitraryOperations,
    extractPersistedOperationId: (params) => persistedOperationId(params as Record<string, unknown>),
    getPersistedOperation: (id) => operations.get(id) ?? null,
    customErrors: {
      notFound: notFound(options.allowArbitraryOperations),
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
  return {
    onPluginInit({ addPlugin }) {
      // First, in every mode: a hash naming other text than the query sent is refused.
      addPlugin({
        onParams: async (payload) => {
          await checkHash(payload.params);
          if (!options.allowArbitraryOperations) registeredOnly(payload, operations);
        },
      });
      addPlugin(persisted);
    },
    // yoga's GET parser reads only query, operationName, variables and extensions.
    onRequestParse({ request, url, setRequestParser }) {
      if (request.method !== 'GET' || !DOCUMENT_ID_PARAMS.some((name) => url.searchParams.has(name))) return;
      setRequestParser(() => parseGetWithDocumentId(url.searchParams));
    },
  };
}

/**
 * A request carrying both a query and `extensions.persistedQuery.sha256Hash` must be the
 * query the hash names (Apollo's automatic persisted queries: the hash is the SHA-256 of the
 * query text). Otherwise the client and server disagree about what runs: 400, whatever the
 * Accept header, as Apollo Server answers it ("provided sha does not match query").
 */
async function checkHash(params: { query?: unknown; extensions?: Record<string, unknown> }): Promise<void> {
  const hash = (params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
  if (typeof hash !== 'string' || typeof params.query !== 'string') return;
  if ((await sha256Hex(params.query)) === hash.toLowerCase()) return;
  throw createGraphQLError('The persisted-query hash does not match the query text (sha256 of the query sent).', {
    extensions: { code: ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, http: { status: 400 } },
  });
}

/**
 * An unknown id. Where arbitrary queries run, APQ clients (Apollo, urql) retry with the query on
 * the exact message `PersistedQueryNotFound`, and the retry runs; where only registered
 * operations run, that retry could only fail, so the message says why instead.
 */
const NOT_REGISTERED =
  'This persisted operation is not registered: only the operations registered at build run here (see /persisted-query-manifest.json).';
const notFound = (allowArbitraryOperations: boolean) =>
  requestError(ErrorCode.PERSISTED_QUERY_NOT_FOUND, allowArbitraryOperations ? 'PersistedQueryNotFound' : NOT_REGISTERED);

/**
 * Persisted operations only: an APQ retry (the query with its hash, after a miss) is answered by
 * the hash. A registered hash runs its operation (checkHash proved the text is the registered
 * one); an unregistered one is PERSISTED_QUERY_NOT_FOUND, not PERSISTED_QUERY_ONLY: the client
 * did send a hash, and what it lacks is a registration.
 */
function registeredOnly(payload: OnParamsEventPayload, operations: ReadonlyMap<string, string>): void {
  const { params, setParams } = payload;
  const persisted = params.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  const hash = persisted?.version === 1 ? persisted.sha256Hash : undefined;
  if (typeof hash !== 'string' || typeof params.query !== 'string') return;
  if (!operations.has(hash)) throw notFound(false)(payload);
  setParams({ ...params, query: undefined });
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
