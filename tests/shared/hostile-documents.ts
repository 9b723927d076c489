import { getIntrospectionQuery } from 'graphql';
import { expect } from 'vitest';
import { q, type Case } from './hostile-case';
import { postJson } from './raw-response';

const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');
const nest = (depth: number) =>
  '{ article(slug: "x") { ' + 'people { articles { nodes { '.repeat(Math.ceil(depth / 3)) + 'slug' + ' } } }'.repeat(Math.ceil(depth / 3)) + ' } }';

/**
 * Hostile GraphQL documents (a table of hostile-requests.ts): syntax errors, the query limits
 * (aliases, tokens, depth, directives, cost), fragment cycles and bombs, validation errors,
 * operation names, and GraphiQL's introspection query within the limits.
 */
export const documentRequests: readonly Case[] = [
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
  {
    // Refused while parsing (13 tokens an alias); within maxTokens, maxAliases and then maxCost
    // (200 x 201, src/query-rules/query-cost.test.ts) would refuse it, all before execution.
    name: 'alias bomb: 200 x articles(first: 100) (over maxTokens)',
    request: q(`{ ${repeat(200, (i) => `a${i}: articles(first: 100) { nodes { slug } }`)} }`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
    check: (r) => {
      expect(r.json?.errors?.[0]?.extensions).toMatchObject({ limit: 'maxTokens', max: 2000 });
      expect(r.json).not.toHaveProperty('data');
    },
  },
  {
    name: 'alias bomb within maxAliases: 30 x articles(first: 100) (over maxCost, priced by @listSize)',
    request: q(`{ ${repeat(30, (i) => `a${i}: articles(first: 100) { nodes { slug } }`)} }`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
    check: (r) => {
      expect(r.json?.errors?.[0]?.extensions).toMatchObject({ limit: 'maxCost', max: 5000, found: 30 * (1 + 100 * 2) });
      expect(r.json).not.toHaveProperty('data');
    },
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
  { name: 'unknown field', request: q('{ secrets }'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'unknown operation name', request: q('query A { __typename }', undefined, { operationName: 'B' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'two operations, no name', request: q('query A { __typename } query B { __typename }'), status: 400, code: 'BAD_REQUEST' },
  { name: 'mutation (schema has none)', request: q('mutation { x }'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'subscription (schema has none)', request: q('subscription { x }'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'unknown directive', request: q('{ __typename @evil }'), status: 200, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'misspelt field (suggestion hidden in production)', request: q('{ articel(slug: "x") { slug } }'), bindings: { ENVIRONMENT: 'production' }, status: 200, code: 'GRAPHQL_VALIDATION_FAILED', check: (r) => expect(r.text).not.toContain('Did you mean') },
  {
    name: 'validation error, Accept: application/graphql-response+json',
    request: postJson({ query: '{ secrets }' }, { accept: 'application/graphql-response+json' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: "GraphiQL's introspection query stays within the limits",
    request: q(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true })),
    status: 200,
    check: (r) => expect(r.json?.data).toHaveProperty('__schema.queryType.name', 'Query'),
  },
];
