import { readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import manifest from '../../src/graph/persisted-operations.gen';
import { fieldNodesOf, type CompiledOperation } from '../../src/graph/compiled/plan';
import { emitCompiled } from './emit-compiled';
import { planOperation } from './plan-operation';

const sdl = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
const schema = buildSchema(sdl);

function plan(text: string): CompiledOperation {
  const planned = planOperation(schema, parse(text));
  if ('fallback' in planned) throw new Error(planned.fallback);
  return planned;
}

/** A plan's response keys with the field names merged into each (spec 6.3.2's grouped field set). */
const keysOf = (op: CompiledOperation, index = 0) => {
  const nodes = fieldNodesOf(op.document);
  return op.plans[index]!.fields.map(([key, ids]) => `${key}=${ids.map((i) => nodes[i]!.name.value).join('+')}`);
};

describe('planOperation: CollectFields at build (spec 6.3.2)', () => {
  it('merges fields of one response key across fragments, in first-seen order, with aliases', () => {
    const op = plan(`query Q($slug: String!) {
      article(slug: $slug) { ...A headline h2: headline ... on Article { slug id } }
    }
    fragment A on Article { id slug }`);
    const article = op.plans[0]!.fields[0]!;
    expect(keysOf(op, article[2] as number)).toEqual(['id=id+id', 'slug=slug+slug', 'headline=headline', 'h2=headline']);
  });

  it('plans an abstract field once per possible type, applying only the fragments that type matches', () => {
    const op = plan(`query Q($id: ID!) { node(id: $id) { __typename id ... on Entity { slug } ... on Article { headline } } }`);
    const child = op.plans[0]!.fields[0]![2] as Record<string, number>;
    expect(Object.keys(child).sort()).toEqual(['Article', 'Author', 'Event', 'Organization', 'Person', 'Place']);
    expect(keysOf(op, child.Article)).toEqual(['__typename=__typename', 'id=id', 'headline=headline']);
    expect(keysOf(op, child.Person)).toEqual(['__typename=__typename', 'id=id', 'slug=slug']);
  });

  it('applies literal @skip/@include at build', () => {
    const op = plan(`query Q { dataVersion { id @skip(if: true) builtAt @include(if: true) articleCount @include(if: false) } }`);
    expect(keysOf(op, op.plans[0]!.fields[0]![2] as number)).toEqual(['builtAt=builtAt']);
  });

  it.each([
    ['@defer', `query Q($slug: String!) { article(slug: $slug) { id ... @defer { headline } } }`, '@defer (incremental delivery)'],
    ['@include with a variable', `query Q($on: Boolean!) { dataVersion { id @include(if: $on) } }`, '@include with a variable'],
    ['introspection', `query Q { __schema { queryType { name } } }`, 'introspection'],
  ])('leaves %s on graphql-js, and says why', (_, text, reason) => {
    expect(planOperation(schema, parse(text))).toEqual({ fallback: reason });
  });
});

describe('src/graph/compiled/operations.gen.ts', () => {
  it('is current: what the build writes from the manifest and the schema', () => {
    const written = readFileSync(new URL('../../src/graph/compiled/operations.gen.ts', import.meta.url), 'utf8');
    expect(written).toBe(emitCompiled(schema, manifest).source);
  });

  it('compiles every persisted operation but the one with @defer', () => {
    const { compiled, fallbacks } = emitCompiled(schema, manifest);
    expect(compiled.length).toBe(Object.keys(manifest).length - 1);
    expect(fallbacks).toEqual([{ name: 'ArticlePageDeferred', reason: '@defer (incremental delivery)' }]);
  });
});
