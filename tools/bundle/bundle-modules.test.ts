import { describe, expect, it } from 'vitest';
import { duplicateModules, moduleId } from './bundle-modules';

describe('moduleId', () => {
  it.each([
    ['../node_modules/graphql/language/parser.mjs', 'graphql/language/parser'],
    ['../node_modules/graphql/language/parser.js', 'graphql/language/parser'],
    ['../node_modules/a/node_modules/@graphql-tools/utils/esm/errors.js', '@graphql-tools/utils/esm/errors'],
    ['../src/worker.ts', null],
  ])('%s -> %s', (source, id) => expect(moduleId(source)).toBe(id));
});

describe('duplicateModules', () => {
  const sources = [
    '../src/index.ts',
    '../node_modules/graphql/error/GraphQLError.mjs',
    '../node_modules/graphql/error/GraphQLError.js',
    '../node_modules/graphql/language/kinds.mjs',
    '../node_modules/x/node_modules/graphql/language/kinds.mjs',
    '../node_modules/graphql-yoga/esm/index.js',
    '../node_modules/y/node_modules/graphql-yoga/esm/index.js',
  ];

  it('finds the CommonJS and ESM builds of one module, and two installed copies', () => {
    expect(duplicateModules(sources, new Set(['graphql']))).toEqual([
      { module: 'graphql/error/GraphQLError', files: ['../node_modules/graphql/error/GraphQLError.js', '../node_modules/graphql/error/GraphQLError.mjs'] },
      { module: 'graphql/language/kinds', files: ['../node_modules/graphql/language/kinds.mjs', '../node_modules/x/node_modules/graphql/language/kinds.mjs'] },
    ]);
  });

  it('without a package filter, reports every package', () => {
    expect(duplicateModules(sources).map((d) => d.module)).toContain('graphql-yoga/esm/index');
  });

  it('reports nothing for a bundle of single copies', () => {
    expect(duplicateModules(['../node_modules/graphql/index.mjs', '../src/a.ts'])).toEqual([]);
  });
});
