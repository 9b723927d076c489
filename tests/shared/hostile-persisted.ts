import manifest from '../../public/persisted-query-manifest.json';
import { q, type Case } from './hostile-case';
import { postJson } from './raw-response';

/**
 * Hostile persisted-operation requests (a table of hostile-requests.ts): unknown hashes, query
 * text where only persisted operations run, a hash that names other text than the query sent.
 */
export const persistedRequests: readonly Case[] = [
  {
    name: 'unknown persisted-operation hash',
    request: postJson({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
    status: 200,
    code: 'PERSISTED_QUERY_NOT_FOUND',
  },
  {
    name: 'query text where only persisted operations run (production setting)',
    request: q('{ __typename }'),
    bindings: { ALLOW_ARBITRARY_QUERIES: 'false' },
    status: 200,
    code: 'PERSISTED_QUERY_ONLY',
  },
  {
    name: 'persisted-query hash of another operation with a query text',
    request: postJson({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: manifest.operations[0]!.id } } }),
    status: 400,
    code: 'PERSISTED_QUERY_HASH_MISMATCH',
  },
  {
    name: 'persisted-query hash of another operation with a query text (production setting)',
    request: postJson({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: manifest.operations[0]!.id } } }),
    bindings: { ALLOW_ARBITRARY_QUERIES: 'false' },
    status: 400,
    code: 'PERSISTED_QUERY_HASH_MISMATCH',
  },
];
