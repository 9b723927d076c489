import { buildSchema, isInterfaceType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import typeDefs from '../graph/type-defs.gen';
import { fieldCost } from './cost-directives';
import { queryCost } from './query-cost';

/** Query cost on the real schema (SDL only: the pricing needs no resolvers). */
const schema = buildSchema(typeDefs);
const cost = (query: string, variables: Record<string, unknown> = {}, operationName?: string, on: GraphQLSchema = schema) =>
  queryCost(on, parse(query), operationName, variables, { defaultPageSize: 20, maxPageSize: 100 });
/** The real schema with one piece of SDL edited (it must be there). */
const edited = (from: string, to: string) => {
  expect(typeDefs).toContain(from);
  return buildSchema(typeDefs.replace(from, to));
};

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

  it('prices an item of an interface or union as its dearest type, not the sum of its branches', () => {
    // Node's types: Article, Author, Person, Event, Place, Organization; Entity's: the last four.
    const q = '{ node(id: "x") { id ... on Article { headline summary } ... on Entity { slug name } ... on Person { birthDate } } }';
    // Article: id + 2; a Person: id + 2 (Entity) + 1; the sum would have been id + 2 + 2 + 1.
    expect(cost(q)).toBe(1 + Math.max(1 + 2, 1 + 2 + 1));
    // A fragment on an interface applies to each of its types; one on a type it cannot be costs nothing there.
    expect(cost('{ suggest(prefix: "k", first: 3) { slug ... on Person { birthDate } ...E } } fragment E on Event { startDate endDate }')).toBe(1 + 3 * (1 + 2));
    // Per item of a page: the Changes screen's node selection (an Article's card or an entity's name).
    const changes = `{ changes(since: "a", first: 10) { nodes { id node { __typename id ... on Article { slug headline datePublished } ... on Entity { slug name } } } } }`;
    expect(cost(changes)).toBe(1 + 1 + 10 * (0 + (1 + 2 + Math.max(3, 2))));
  });

  it('prices the shipped Changes operation at 6 a change, its page\'s own fields once: 3,009 for a page of 500', () => {
    const changes = readFileSync(new URL('../../operations/changes.graphql', import.meta.url), 'utf8');
    const priced = (first: number) => queryCost(schema, parse(changes), 'Changes', { since: 'a', first }, { defaultPageSize: 20, maxPageSize: 100, largerPages: { changes: 500 } });
    expect(priced(2) - priced(1)).toBe(6);
    // changes 1 + version, totalCount, pageInfo { 2 } 5 + nodes 1 + 500 x 6 + dataVersion { id } 2: under maxCost
    // (5,000), so a day away (about 1,000 changes) is two requests; the figure docs/api.md gives.
    expect(priced(500)).toBe(3009);
    expect(priced(500)).toBeLessThanOrEqual(5000);
  });

  it('multiplies only the fields @listSize(sizedFields:) names: a page of changes prices its own fields once', () => {
    const larger = (query: string) => queryCost(schema, parse(query), undefined, {}, { defaultPageSize: 20, maxPageSize: 100, largerPages: { changes: 500 } });
    // version, totalCount and pageInfo { hasNextPage } once; each of the 300 items' node { id } twice (edges and nodes).
    expect(larger('{ changes(since: "a", first: 300) { version totalCount pageInfo { hasNextPage } edges { cursor node { node { id } } } nodes { node { id } } } }'))
      .toBe(1 + 1 + 1 + (1 + 1) + (1 + 300 * (1 + (1 + (1 + 1)))) + (1 + 300 * (1 + 1)));
    // Through a fragment on the connection, and nested lists under a sized field still multiply.
    expect(larger('{ changes(since: "a", first: 50) { ...C } } fragment C on ChangeConnection { totalCount nodes { node { ... on Article { related(first: 4) { slug } } } } }'))
      .toBe(1 + 1 + (1 + 50 * (1 + (1 + 4 * 1))));
    // Without sizedFields (articles), the page size multiplies the connection's own fields too.
    expect(larger('{ articles(first: 50) { totalCount nodes { slug } } }')).toBe(1 + 50 * (1 + 1 + 1));
    // The directive decides: without its sizedFields, a page of changes is priced as any connection.
    const unsized = edited('sizedFields: ["edges", "nodes"], ', '');
    const q = '{ changes(since: "a", first: 300) { totalCount nodes { node { id } } } }';
    expect(queryCost(unsized, parse(q), undefined, {}, { defaultPageSize: 20, maxPageSize: 100, largerPages: { changes: 500 } })).toBe(1 + 300 * (1 + 1 + (1 + 1)));
    expect(larger(q)).toBe(1 + 1 + (1 + 300 * (1 + 1)));
  });

  it('prices a fragment once however often it is spread (linear time on fragment bombs)', () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expect(cost(`{ ...F0 } ${fragments} fragment F40 on Query { __typename }`)).toBe(2 ** 40);
  });

  it('costs nothing for introspection, and nothing for a fragment cycle (validation refuses it)', () => {
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
    expect(cost('{ ...A } fragment A on Query { __typename ...A }')).toBe(1);
  });

  it('refuses a 200-alias bomb of full pages before anything runs: 200 x (1 + 100 x 2)', () => {
    const bomb = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: articles(first: 100) { nodes { slug } }`).join(' ')} }`;
    expect(cost(bomb)).toBe(200 * (1 + 100 * 2));
  });

  it('reads page sizes from @listSize: an argument default, else assumedSize', () => {
    // related(first: Int = 5); suggest(prefix, first) @listSize(assumedSize: 10)
    expect(cost('{ article(slug: "x") { related { slug } } }')).toBe(1 + (1 + 5 * 1));
    expect(cost('{ article(slug: "x") { related(first: 2) { slug } } }')).toBe(1 + (1 + 2 * 1));
    expect(cost('{ suggest(prefix: "ki") { slug } }')).toBe(1 + 10 * 1);
  });

  it('prices a field with a larger page (changes) up to its own maximum, and its free fields at 0', () => {
    const larger = (query: string) => queryCost(schema, parse(query), undefined, {}, { defaultPageSize: 20, maxPageSize: 100, largerPages: { changes: 500 } });
    // Change's own fields weigh 0: the list is read already; node and its fields are priced.
    expect(larger('{ changes(since: "a", first: 500) { nodes { id nodeId kind } } }')).toBe(1 + 1 + 500 * 0);
    expect(larger('{ changes(since: "a", first: 900) { nodes { id node { id } } } }')).toBe(1 + 1 + 500 * (1 + 1));
    expect(larger('{ articles(first: 500) { totalCount } }')).toBe(1 + 100 * 1);
    expect(cost('{ changes(since: "a", first: 500) { nodes { node { id } } } }')).toBe(1 + 1 + 100 * (1 + 1));
  });

  it('takes @cost weights from a field, from the type it returns, and from a given argument', () => {
    const field = edited('  dataVersion: DataVersion!', '  dataVersion: DataVersion! @cost(weight: 7)');
    expect(cost('{ dataVersion { id } }', {}, undefined, field)).toBe(7 + 1);
    const type = edited('type DataVersion {', 'type DataVersion @cost(weight: 3) {');
    expect(cost('{ dataVersion { id } }', {}, undefined, type)).toBe(3 + 1);
    const argument = edited('    filter: ArticleFilter\n    orderBy: ArticleOrder', '    filter: ArticleFilter @cost(weight: 50)\n    orderBy: ArticleOrder');
    expect(cost('{ articles(first: 1, filter: { language: "hi" }) { totalCount } }', {}, undefined, argument)).toBe(1 + 50 + 1);
    expect(cost('{ articles(first: 1) { totalCount } }', {}, undefined, argument)).toBe(1 + 1);
  });

  it('prices every field that takes a page size or a list of IDs by its @listSize', () => {
    const unpriced = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) || isInterfaceType(type))
      .flatMap((type) => Object.values(type.getFields()).map((field) => ({ field, at: `${type.name}.${field.name}` })))
      .filter(({ field }) => field.args.some((a) => ['first', 'last', 'ids'].includes(a.name)) && !fieldCost(field).listSize)
      .map(({ at }) => at);
    expect(unpriced).toEqual([]);
  });
});
