import { expect } from 'vitest';
import { toGlobalId } from '../../src/model/global-id';
import { encodeCursor } from '../../src/model/page-range';
import { ARTICLE, q, type Case } from './hostile-case';
import { postJson } from './raw-response';

/**
 * Hostile argument and variable values (a table of hostile-requests.ts): page sizes, forged
 * cursors and IDs, variables of the wrong type or missing, unknown enum values, malformed
 * dates, slugs that try to name other KV keys.
 */
export const valueRequests: readonly Case[] = [
  { name: 'first: 1000000', request: q('{ articles(first: 1000000) { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'first: -1', request: q('{ articles(first: -1) { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'first beyond Int32', request: q('{ articles(first: 99999999999) { totalCount } }'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'last: -5 through a variable', request: q('query($n: Int) { people(last: $n) { totalCount } }', { n: -5 }), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'forged cursor', request: q('{ articles(after: "bm90LWEtY3Vyc29y") { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'cursor of a huge offset hint', request: q(`{ articles(after: "${encodeCursor(['9999-12-31', 'zzz'], 999_999_999)}") { totalCount edges { cursor } } }`), status: 200 },
  { name: 'offset cursor of the old format', request: q(`{ articles(after: "${btoa('o:3').replace(/=+$/, '')}") { totalCount } }`), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'cursor with non-base64 characters', request: q('{ articles(before: "%%%<script>") { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'forged ID', request: q('{ node(id: "QWRtaW46cm9vdA") { id } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'ID of an unknown slug', request: q(`{ node(id: "${toGlobalId('Person', 'nobody')}") { id } }`), status: 200, check: (r) => expect(r.json?.data).toEqual({ node: null }) },
  { name: '101 IDs to nodes', request: q('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(101).fill(toGlobalId('Article', ARTICLE)) }), status: 200, code: 'BAD_USER_INPUT' },
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
  { name: 'null byte and control characters in a slug', request: q('query($s: String!) { article(slug: $s) { slug } }', { s: 'a\u0000b\u001f../../current' }), status: 200, check: (r) => expect(r.json?.data).toEqual({ article: null }) },
  { name: 'slug naming another KV key', request: q('query($s: String!) { article(slug: $s) { slug } }', { s: '../current' }), status: 200, check: (r) => expect(r.json?.data).toEqual({ article: null }) },
];
