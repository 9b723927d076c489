import { expect } from 'vitest';
import { ARTICLE, q, type Case } from './hostile-case';
import { postJson } from './raw-response';

/**
 * Hostile requests at the HTTP level (a table of hostile-requests.ts): bodies that are not a
 * GraphQL request, content types, methods, Accept, sizes, batching, deep or polluting JSON,
 * unknown paths.
 */
export const httpRequests: readonly Case[] = [
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
  { name: 'Accept: text/html only', request: postJson({ query: '{ __typename }' }, { accept: 'text/html' }), status: 406, code: 'BAD_REQUEST' },
  { name: 'JSON nested 10,000 deep', request: postJson(`{"query":"{ __typename }","variables":{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`), status: 200 },
  { name: 'prototype pollution in variables', request: postJson('{"query":"query($s: String!) { article(slug: $s) { slug } }","variables":{"s":"x","__proto__":{"admin":true}}}'), status: 200, check: (r) => expect(r.json?.data).toEqual({ article: null }) },
  { name: 'unknown path', request: { method: 'GET', path: '/admin' }, status: 404 },
];
