import { describe, expect, it } from 'vitest';
import { circles, importGraph, resolveImport } from './import-graph';

/**
 * No import circles anywhere in the tree, type-only imports included: mutual recursion stays
 * in one file, as graphql-js keeps execution and value completion in one. A circle waiting for
 * its owner's change is named here until then; any other fails.
 */
const WAITING = new Set<string>([]);

describe('the import graph', () => {
  it('has no circle', () => {
    const found = circles(importGraph()).map((c) => c.join(' '));
    expect(found.filter((c) => !WAITING.has(c))).toEqual([]);
  });

  it('finds circles of two and three files and self-imports, and nothing in a tree', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', ['d']],
      ['d', ['e']],
      ['e', ['c']],
      ['f', ['f']],
      ['g', ['a', 'h']],
      ['h', []],
    ]);
    expect(circles(graph).map((c) => c.join(' ')).sort()).toEqual(['a b', 'c d e', 'f']);
  });

  it('follows relative imports to .ts files, type-only ones too, and leaves packages out', () => {
    const graph = importGraph(['src/graph/resolvers/changes.ts']);
    expect(graph.get('src/graph/resolvers/changes.ts')).toContain('src/graph/resolvers/refs.ts');
    expect(graph.get('src/graph/resolvers/changes.ts')).toContain('src/graph/context.ts');
    expect(resolveImport('src/yoga.ts', 'graphql-yoga')).toBeNull();
  });
});
