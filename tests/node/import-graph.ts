import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import ts from 'typescript';

/**
 * The repository's own import graph: every .ts/.js/.mjs file outside node_modules, generated
 * output and dot-folders, with the files its relative imports, re-exports and dynamic imports
 * name (type-only ones too: a circle of types is a circle of concepts). Paths are relative to
 * the repository root, with `/`. Read with TypeScript's own scanner (ts.preProcessFile).
 */
const SKIPPED = new Set(['node_modules', 'dist', 'public', 'results']);
const SOURCE = /\.(ts|mjs|js)$/;
const CANDIDATES = ['', '.ts', '.js', '.mjs', '/index.ts', '/index.js'];

export const ROOT = resolve(import.meta.dirname, '../..');

export function sourceFiles(dir = ROOT): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.') || SKIPPED.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) files.push(relative(ROOT, path).split('\\').join('/'));
  }
  return files;
}

export function importGraph(files = sourceFiles()): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
    const targets = importedFiles.map((i) => resolveImport(file, i.fileName)).filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The file a relative specifier names (`./x` is x.ts, as TypeScript's bundler resolution reads it); null for a package. */
export function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = join(dirname(join(ROOT, from)), specifier);
  for (const suffix of CANDIDATES) {
    const path = base + suffix;
    if (SOURCE.test(path) && existsSync(path) && statSync(path).isFile()) return relative(ROOT, path).split('\\').join('/');
  }
  return null;
}

/** Every circle: the strongly connected components of more than one file, or a file importing itself (Tarjan, 1972). */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}
