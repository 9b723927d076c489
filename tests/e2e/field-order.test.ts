import { readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { describe, expect, inject, it } from 'vitest';
import manifest from '../../public/persisted-query-manifest.json';
import { MORE_SCREENS, SCREENS } from '../../tools/fixtures/screens';
import { misorderedObjects } from '../shared/selection-order';

/**
 * Response field order against the real `wrangler dev` (GraphQL spec 7.2.2, "Serialized Map
 * Ordering": an answer's objects list their keys in the order the query selected them). The
 * queries put fields that wait on KV (lists of entities, search, connections) before fields
 * the document already holds, through aliases, named and inline fragments, and lists nested
 * in lists: yoga's executor before @graphql-tools/executor 2.1 wrote the ready ones first.
 * Every persisted operation with a screen row runs too, on each server: compiled
 * (`production`), graphql-js (COMPILED_OPERATIONS off) and `npm start`.
 */
const servers = inject('servers');
const arbitrary = servers.filter((s) => s.vars.ALLOW_ARBITRARY_QUERIES === 'true');
const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));

const QUERIES: Array<{ name: string; query: string; variables?: Record<string, unknown> }> = [
  {
    name: 'root fields: search (async) before articles',
    query: '{ search(query: "पुतिन") { totalCount nodes { slug } edges { score node { headline } } } articles(first: 2) { nodes { slug headline } } }',
  },
  {
    name: 'aliases, named and inline fragments, nested lists',
    variables: { slug: 'putin-to-visit-north-korea-next-week' },
    query: `query Mixed($slug: String!) {
      dataVersion { articleCount id }
      story: article(slug: $slug) {
        people { ...PersonBits }
        headline
        who: people { slug }
        ...Dates
        paragraphs { mentions { entity { __typename ... on Node { id } ... on Entity { name(language: "hi") } slug } text start } index }
        organizations { name(language: "hi") wikidataId }
        slug
      }
      kim: person(slug: "kim-jong-un") { events { nodes { name location { name slug } startDate } totalCount } name }
      suggest(prefix: "कि") { __typename ... on Person { slug } name }
    }
    fragment PersonBits on Person { articles(first: 2) { totalCount nodes { slug } } name(language: "en") wikidataId }
    fragment Dates on Article { datePublished dateline }`,
  },
  {
    name: 'a field selected twice, its sub-selections merged',
    query: `{ event(slug: "putin-visit-to-north-korea-2024") {
      participants { __typename ... on Person { articles(first: 1) { totalCount } } ... on Node { id } }
      name
      participants { ... on Entity { slug } __typename }
      location { articles(first: 1) { nodes { slug } } id }
    } }`,
  },
];

async function answer(origin: string, body: unknown): Promise<{ data: unknown }> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, text.slice(0, 500)).toBe(200);
  const parsed = JSON.parse(text) as { data: unknown; errors?: unknown };
  expect(parsed.errors, text.slice(0, 500)).toBeUndefined();
  return parsed as { data: unknown };
}

describe.each(arbitrary)('field order of arbitrary queries in wrangler dev ($name)', ({ origin }) => {
  it.each(QUERIES.map((q) => [q.name, q] as const))('%s', async (_, { query, variables }) => {
    const { data } = await answer(origin, { query, variables });
    expect(misorderedObjects(schema, parse(query), data, variables)).toEqual([]);
  });
});

const pascal = (file: string) => file.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
const screens = Object.entries({ ...SCREENS, ...MORE_SCREENS }).map(([file, variables]) => {
  const operation = manifest.operations.find((op) => op.name === pascal(file))!;
  return [operation.name, operation, variables as Record<string, unknown>] as const;
});

describe.each(servers)('field order of persisted operations in wrangler dev ($name)', ({ origin }) => {
  it.each(screens)('%s', async (_, operation, variables) => {
    // A variable no operation declares (ignored, spec 6.1.2) keeps the request new to the
    // response memo, which other suites may have filled: this one executes.
    const fresh = { ...variables, fieldOrder: `${Date.now()}` };
    const { data } = await answer(origin, { variables: fresh, extensions: { persistedQuery: { version: 1, sha256Hash: operation.id } } });
    expect(misorderedObjects(schema, parse(operation.body), data, fresh)).toEqual([]);
  });
});
