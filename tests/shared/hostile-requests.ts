import { getIntrospectionQuery } from 'graphql';
import { expect } from 'vitest';
import manifest from '../../public/persisted-query-manifest.json';
import { toGlobalId } from '../../src/model/global-id';
import { postJson, type RawResponse } from './raw-response';

/**
 * Hostile requests, one row each: what is sent, and the status and error code it must get.
 * One table for the workerd tests (tests/worker/hostile-requests.test.ts) and the real
 * `wrangler dev` server (tests/e2e/hostile-requests.test.ts). Every row also keeps the
 * contract of raw-response.ts (no 5xx, no stack trace, a GraphQL body, documented codes).
 */
export interface Case {
  name: string;
  request: RequestInit & { path?: string };
  status: number;
  code?: string;
  /**
   * Vars over the tests' own (arbitrary queries allowed, rate limit off): the workerd test
   * binds them; the end-to-end suite runs the row against the servers whose vars match.
   */
  bindings?: Readonly<Record<string, string>>;
  /** Extra checks of the answer. */
  check?: (response: RawResponse) => void;
}

export const q = (query: string, variables?: unknown, extra: Record<string, unknown> = {}) =>
  postJson({ query, variables, ...extra });
const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');
const nest = (depth: number) =>
  '{ article(slug: "x") { ' + 'people { articles { nodes { '.repeat(Math.ceil(depth / 3)) + 'slug' + ' } } }'.repeat(Math.ceil(depth / 3)) + ' } }';
export const ARTICLE = 'putin-to-visit-north-korea-next-week';

export const hostileRequests: readonly Case[] = [
  { name: 'invalid JSON', request: postJson('{"query": "{ __typename }"'), status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON array of strings', request: postJson('["a"]'), status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON null', request: postJson('null'), status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON number', request: postJson('42'), status: 400, code: 'BAD_REQUEST' },
  { name: 'empty body', request: postJson(''), status: 400, code: 'BAD_REQUEST' },
  { name: 'no query', request: postJson({ variables: {} }), status: 400, code: 'PERSISTED_QUERY_ID_REQUIRED' },
  { name: 'query is a number', request: postJson({ query: 1 }), status: 400, code: 'BAD_REQUEST' },
  { name: 'variables is a string', request: postJson({ query: '{ __typename }', variables: 'x' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'unknown body field', request: postJson({ query: '{ __typename }', foo: 1 }), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'content type text/plain',
    request: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ __typename }' },
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'content type multipart (uploads off)',
    request: { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' },
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'invalid UTF-8 in the body',
    request: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([...new TextEncoder().encode('{"query":"{ article(slug: \\"'), 0xff, 0xfe, 0xc3, ...new TextEncoder().encode('\\") { slug } }"}')]),
    },
    status: 200,
    check: (r) => expect(r.json?.data).toEqual({ article: null }),
  },
  {
    name: 'form-urlencoded body',
    request: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' },
    status: 200,
    check: (r) => expect(r.json?.data).toEqual({ __typename: 'Query' }),
  },
  { name: 'method PUT', request: { method: 'PUT', body: '{}' }, status: 405, code: 'BAD_REQUEST' },
  { name: 'GET without query', request: { method: 'GET' }, status: 400, code: 'PERSISTED_QUERY_ID_REQUIRED' },
  { name: 'GET with a mutation-free query', request: { method: 'GET', path: '/graphql?query=%7B__typename%7D' }, status: 200 },
  { name: 'body over 64 KiB', request: q(`{ __typename }#${'x'.repeat(70_000)}`), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: '1 MB string argument', request: q('query($s: String!) { article(slug: $s) { slug } }', { s: 'x'.repeat(1_000_000) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  {
    // A KV key over 512 bytes fails a whole bulk get: the long slug must not cost the other key.
    name: '60 KB string argument (under the body limit)',
    request: q('query($s: String!, $t: String!) { article(slug: $s) { slug } real: article(slug: $t) { slug } }', { s: 'ऋ'.repeat(20_000), t: ARTICLE }),
    status: 200,
    check: (r) => expect(r.json?.data).toEqual({ article: null, real: { slug: ARTICLE } }),
  },
  { name: 'batched request (array)', request: postJson([{ query: '{ __typename }' }, { query: '{ __typename }' }]), status: 400, code: 'BAD_REQUEST' },
  { name: 'syntax error', request: q('{ article(slug: ) }'), status: 200, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'unterminated string', request: q('{ article(slug: "x) { slug } }'), status: 200, code: 'GRAPHQL_PARSE_FAILED' },
  { name: '10,000 aliases', request: q(`{ ${repeat(10_000, (i) => `a${i}: __typename`)} }`), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  {
    name: '31 aliases (over maxAliases)',
    request: q(`{ ${repeat(31, (i) => `a${i}: dataVersion { id }`)} }`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
    check: (r) => expect(r.json?.errors?.[0]?.extensions).toMatchObject({ limit: 'maxAliases', max: 30, found: 31 }),
  },
  {
    name: '2,500 tokens (over maxTokens)',
    request: q(`{ ${repeat(2_500, () => '__typename')} }`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
    check: (r) => expect(r.json?.errors?.[0]?.extensions).toMatchObject({ limit: 'maxTokens', max: 2000 }),
  },
  {
    name: 'depth 50',
    request: q(nest(50)),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
    check: (r) => expect(r.json?.errors?.[0]?.extensions).toMatchObject({ limit: 'maxDepth', max: 10 }),
  },
  {
    name: '21 directives (over maxDirectives)',
    request: q(`{ dataVersion { id ${repeat(21, () => '@include(if: true)')} } }`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
    check: (r) => expect(r.json?.errors?.[0]?.extensions).toMatchObject({ limit: 'maxDirectives', max: 20 }),
  },
  {
    name: 'cost over maxCost (nested pages of 100)',
    request: q('{ articles(first: 100) { nodes { people { articles(first: 100) { nodes { slug headline } } } } } }'),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
    check: (r) => {
      expect(r.json?.errors?.[0]?.extensions).toMatchObject({ limit: 'maxCost', max: 5000, found: 30301 });
      expect(r.json).not.toHaveProperty('data');
    },
  },
  {
    name: 'cost over maxCost through a variable',
    request: q('query($n: Int) { articles(first: $n) { nodes { people { articles(first: $n) { nodes { slug headline } } } } } }', { n: 100 }),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
  },
  { name: 'fragment cycle', request: q('query { article(slug: "x") { ...A } } fragment A on Article { people { articles { nodes { ...A } } } }'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'self-spreading fragment', request: q('{ __typename ...F } fragment F on Query { ...F }'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'fragment bomb (each fragment spreads the next twice)',
    request: q(`{ ...F0 } ${repeat(30, (i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`)} fragment F30 on Query { __typename }`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
    check: (r) => expect(r.json?.errors?.[0]?.extensions).toMatchObject({ limit: 'maxCost', found: 2 ** 30 }),
  },
  { name: 'first: 1000000', request: q('{ articles(first: 1000000) { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'first: -1', request: q('{ articles(first: -1) { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'first beyond Int32', request: q('{ articles(first: 99999999999) { totalCount } }'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'last: -5 through a variable', request: q('query($n: Int) { people(last: $n) { totalCount } }', { n: -5 }), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'forged cursor', request: q('{ articles(after: "bm90LWEtY3Vyc29y") { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'cursor of a huge offset', request: q(`{ articles(after: "${btoa('o:999999999').replace(/=+$/, '')}") { totalCount edges { cursor } } }`), status: 200 },
  { name: 'cursor with non-base64 characters', request: q('{ articles(before: "%%%<script>") { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'forged ID', request: q('{ node(id: "QWRtaW46cm9vdA") { id } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'ID of an unknown slug', request: q(`{ node(id: "${toGlobalId('Person', 'nobody')}") { id } }`), status: 200, check: (r) => expect(r.json?.data).toEqual({ node: null }) },
  { name: '101 IDs to nodes', request: q('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(101).fill(toGlobalId('Article', ARTICLE)) }), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'unknown field', request: q('{ secrets }'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'unknown operation name', request: q('query A { __typename }', undefined, { operationName: 'B' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'two operations, no name', request: q('query A { __typename } query B { __typename }'), status: 400, code: 'BAD_REQUEST' },
  { name: 'mutation (schema has none)', request: q('mutation { x }'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'subscription (schema has none)', request: q('subscription { x }'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  // A GraphQL request error of a well-formed request: 200 with application/json (GraphQL over HTTP).
  { name: 'variable of the wrong type', request: q('query($n: Int) { articles(first: $n) { totalCount } }', { n: 'ten' }), status: 200, code: 'BAD_USER_INPUT' },
  {
    name: 'variable of the wrong type, Accept: application/graphql-response+json',
    request: postJson({ query: 'query($n: Int) { articles(first: $n) { totalCount } }', variables: { n: 'ten' } }, { accept: 'application/graphql-response+json' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  { name: 'variable declared with the wrong type', request: q('query($n: String) { articles(first: $n) { totalCount } }', { n: '1' }), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'missing required variable', request: q('query($s: String!) { article(slug: $s) { slug } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'enum value that does not exist', request: q('{ events(filter: { status: EXPLODED }) { totalCount } }'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'malformed date filter', request: q('{ articles(filter: { publishedFrom: "yesterday" }) { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'unknown directive', request: q('{ __typename @evil }'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'misspelt field (suggestion hidden in production)', request: q('{ articel(slug: "x") { slug } }'), bindings: { ENVIRONMENT: 'production' }, status: 200, code: 'GRAPHQL_VALIDATION_FAILED', check: (r) => expect(r.text).not.toContain('Did you mean') },
  { name: 'Accept: text/html only', request: postJson({ query: '{ __typename }' }, { accept: 'text/html' }), status: 406, code: 'BAD_REQUEST' },
  {
    name: 'validation error, Accept: application/graphql-response+json',
    request: postJson({ query: '{ secrets }' }, { accept: 'application/graphql-response+json' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'JSON nested 10,000 deep', request: postJson(`{"query":"{ __typename }","variables":{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`), status: 200 },
  { name: 'prototype pollution in variables', request: postJson('{"query":"query($s: String!) { article(slug: $s) { slug } }","variables":{"s":"x","__proto__":{"admin":true}}}'), status: 200, check: (r) => expect(r.json?.data).toEqual({ article: null }) },
  { name: 'null byte and control characters in a slug', request: q('query($s: String!) { article(slug: $s) { slug } }', { s: 'a\u0000b\u001f../../current' }), status: 200, check: (r) => expect(r.json?.data).toEqual({ article: null }) },
  { name: 'slug naming another KV key', request: q('query($s: String!) { article(slug: $s) { slug } }', { s: '../current' }), status: 200, check: (r) => expect(r.json?.data).toEqual({ article: null }) },
  {
    name: "GraphiQL's introspection query stays within the limits",
    request: q(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true })),
    status: 200,
    check: (r) => expect(r.json?.data).toHaveProperty('__schema.queryType.name', 'Query'),
  },
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
  { name: 'unknown path', request: { method: 'GET', path: '/admin' }, status: 404 },
];
