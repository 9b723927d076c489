import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type OnParamsEventPayload, type Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors';
import manifest from '../graph/persisted-operations.gen';
import { sha256Hex } from '../text/sha256-hex';

/**
 * Trusted documents (persisted operations): a request names an operation of the build-time
 * manifest over GET or POST by any of
 *   - `extensions.persistedQuery.sha256Hash` (Apollo/urql, version 1),
 *   - `documentId` (the GraphQL-over-HTTP persisted documents proposal; `sha256:<hex>` or hex),
 *   - `doc_id` (what Relay's generated network layers send). With `allowArbitraryOperations` off, a query text is refused: only the
 * app's own, validated operations run. The manifest is bundled into the worker (a few KB,
 * shipped atomically with the code that serves it, no KV read to look an id up).
 *
 * The codes follow Apollo's automatic persisted queries, which clients already understand.
 */
/** Request parameters besides the four of GraphQL over HTTP that name a persisted document. */
export const DOCUMENT_ID_PARAMS = ['documentId', 'doc_id'] as const;

/** The persisted operation id a request names, or null; `sha256:` prefixes are dropped. */
export function persistedOperationId(params: Record<string, unknown>): string | null {
  const persisted = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)
    ?.persistedQuery;
  const id =
    persisted?.version === 1 && typeof persisted.sha256Hash === 'string'
      ? persisted.sha256Hash
      : DOCUMENT_ID_PARAMS.map((name) => params[name]).find((v) => typeof v === 'string');
  return typeof id === 'string' ? id.replace(/^sha256:/, '') : null;
}

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
  return {
    onPluginInit({ addPlugin }) {
      // First, in every mode: a hash naming other text than the query sent is refused.
      addPlugin({ onParams: ({ params }) => checkHash(params) });
      addPlugin(persisted);
    },
    // yoga's GET parser reads only query, operationName, variables and extensions.
    onRequestParse({ request, url, setRequestParser }) {
      if (request.method !== 'GET' || !DOCUMENT_ID_PARAMS.some((name) => url.searchParams.has(name))) return;
      setRequestParser(() => parseGetWithDocumentId(url.searchParams));
    },
  };
}

function parseGetWithDocumentId(search: URLSearchParams): Record<string, unknown> {
  const json = (name: string) => {
    const text = search.get(name);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw createGraphQLError(`\`${name}\` is not valid JSON.`, { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } } });
    }
  };
  const params: Record<string, unknown> = {
    operationName: search.get('operationName') ?? undefined,
    variables: json('variables'),
    extensions: json('extensions'),
  };
  for (const name of DOCUMENT_ID_PARAMS) if (search.has(name)) params[name] = search.get(name);
  return params;
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
 * A request error (no `data`). GraphQL-over-HTTP: with `application/graphql-response+json` it
 * MUST be 4xx; with `application/json` the server SHOULD answer 200, which APQ clients expect.
 */
function requestError(code: string, message: string, jsonStatus = 200) {
  return ({ request }: OnParamsEventPayload) => {
    const status = request.headers.get('accept')?.includes('application/graphql-response+json') ? 400 : jsonStatus;
    return createGraphQLError(message, { extensions: { code, http: { status } } });
  };
}
