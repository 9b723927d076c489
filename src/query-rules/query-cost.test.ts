import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import typeDefs from '../graph/type-defs.gen';
import { queryCost } from './query-cost';

/** Query cost on the real schema (SDL only: the pricing needs no resolvers). */
const schema = buildSchema(typeDefs);
const cost = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  queryCost(schema, parse(query), operationName, variables, { defaultPageSize: 20, maxPageSize: 100 });

describe('queryCost', () => {
  it('counts 1 a field', () => {
    expect(cost('{ dataVersion { id builtAt } }')).toBe(3);
    expect(cost('{ __typename }')).toBe(1);
  });

  it('multiplies the selections under a connection by its page size, default 20', () => {
    expect(cost('{ articles(first: 5) { nodes { slug headline } } }')).toBe(1 + 5 * (1 + 2));
    expect(cost('{ articles { totalCount } }')).toBe(1 + 20 * 1);
    expect(cost('{ people(last: 7) { totalCount } }')).toBe(1 + 7);
  });

  it('reads page sizes from variables, clamped to [0, 100]', () => {
    const q = 'query($n: Int) { articles(first: $n) { totalCount } }';
    expect(cost(q, { n: 3 })).toBe(1 + 3);
    expect(cost(q, { n: 1_000_000 })).toBe(1 + 100);
    expect(cost(q, { n: -4 })).toBe(1);
    expect(cost(q, {})).toBe(1 + 20);
  });

  it('nests multiplicatively', () => {
    const q = '{ articles(first: 100) { nodes { people { articles(first: 100) { nodes { slug headline } } } } } }';
    // articles: 1 + 100 x (nodes: 1 + (people: 1 + (articles: 1 + 100 x (nodes: 1 + 2))))
    expect(cost(q)).toBe(1 + 100 * (1 + (1 + (1 + 100 * 3))));
  });

  it('weights nodes(ids:) by the number of IDs', () => {
    expect(cost('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a', 'b', 'c'] })).toBe(1 + 3);
    expect(cost('{ nodes(ids: ["a", "b"]) { id } }')).toBe(1 + 2);
  });

  it('prices fragments, inline fragments on interfaces, and the chosen operation', () => {
    const q = `
      query A { node(id: "x") { id ... on Article { headline ...P } } }
      query B { __typename }
      fragment P on Article { people { slug } }`;
    expect(cost(q, {}, 'A')).toBe(1 + (1 + 1 + (1 + 1)));
    expect(cost(q, {}, 'B')).toBe(1);
  });

  it('prices a fragment once however often it is spread (linear time on fragment bombs)', () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expect(cost(`{ ...F0 } ${fragments} fragment F40 on Query { __typename }`)).toBe(2 ** 40);
  });

  it('costs nothing for introspection, and nothing for a fragment cycle (validation refuses it)', () => {
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
    expect(cost('{ ...A } fragment A on Query { __typename ...A }')).toBe(1);
  });
});
