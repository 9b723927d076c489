import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
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
export const PersistedQueryCode = {
  NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  ONLY: 'PERSISTED_QUERY_ONLY',
  ID_REQUIRED: 'PERSISTED_QUERY_ID_REQUIRED',
} as const;

export function useTrustedDocuments(options: {
  allowArbitraryOperations: boolean;
  operations?: Readonly<Record<string, string>>;
}): Plugin {
  const operations = new Map(Object.entries(options.operations ?? manifest));
  return usePersistedOperations({
    allowArbitraryOperations: options.allowArbitraryOperations,
    getPersistedOperation: (id) => operations.get(id) ?? null,
    customErrors: {
      notFound: {
        message: 'PersistedQueryNotFound: no operation of the persisted manifest has this sha256Hash.',
        extensions: { code: PersistedQueryCode.NOT_FOUND, http: { status: 400 } },
      },
      persistedQueryOnly: {
        message: 'This server runs persisted operations only: send extensions.persistedQuery.sha256Hash without a query.',
        extensions: { code: PersistedQueryCode.ONLY, http: { status: 400 } },
      },
      keyNotFound: {
        message: 'Send a query, or extensions.persistedQuery {version: 1, sha256Hash} naming a persisted operation.',
        extensions: { code: PersistedQueryCode.ID_REQUIRED, http: { status: 400 } },
      },
    },
  });
}
