import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './import-graph';

/**
 * Docs follow the code: every repository path named in a comment (TypeScript, JavaScript,
 * wrangler.toml, CI) or in a Markdown or GraphQL document must exist, or be one the build
 * writes (git-ignored output such as `*.gen.ts`). A path is a word starting at one of the
 * repository's folders, from the root or the naming file's folder, `.ts` implied as in an
 * import; patterns (`*`, `<time>`, `{a,b}`), quoted examples and Markdown code blocks (program
 * output, a user's files) are skipped.
 */
const ROOTS = ['src', 'tools', 'bench', 'tests', 'scripts', 'docs', 'schema', 'operations', 'data', '.ci'];
const PATH = new RegExp(`(?<![\\w./@"-])((?:${ROOTS.map((r) => r.replace('.', '\\.')).join('|')})/[\\w.\\-/]*)`, 'g');
const PATTERN_NEXT = /^[*<{$[]/;

export function namedPaths(text: string): string[] {
  const paths: string[] = [];
  for (const match of text.matchAll(PATH)) {
    const next = text.slice(match.index + match[0].length, match.index + match[0].length + 1);
    if (PATTERN_NEXT.test(next)) continue;
    const path = match[1]!.replace(/[.\-/]+$/, (tail) => (tail.endsWith('/') && !tail.startsWith('.') ? '/' : ''));
    paths.push(path);
  }
  return paths;
}

/** The comments of a TypeScript or JavaScript file, found by TypeScript's own parser. */
export function commentsOf(text: string, fileName = 'file.ts'): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const ranges = new Map<number, string>();
  const add = (list: ts.CommentRange[] | undefined) => list?.forEach((r) => ranges.set(r.pos, text.slice(r.pos, r.end)));
  const visit = (node: ts.Node) => {
    add(ts.getLeadingCommentRanges(text, node.pos));
    add(ts.getTrailingCommentRanges(text, node.end));
    ts.forEachChild(node, visit);
  };
  visit(source);
  add(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
  return [...ranges.values()];
}

function filesEndingWith(suffix: string, dir = ROOT): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.') || name === 'node_modules' || name === 'public' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesEndingWith(suffix, path));
    else if (name.endsWith(suffix)) found.push(relative(ROOT, path).split('\\').join('/'));
  }
  return found;
}

const hashComments = (text: string) => text.split('\n').map((line) => /#.*$/.exec(line)?.[0] ?? '');

function textsToCheck(): Array<[file: string, text: string]> {
  const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
  return [
    ...sourceFiles().map((f): [string, string] => [f, commentsOf(read(f), f).join('\n')]),
    ...filesEndingWith('.md').map((f): [string, string] => [f, read(f).replace(/^```[^]*?^```/gm, '')]),
    ...filesEndingWith('.graphql').map((f): [string, string] => [f, read(f)]),
    ...['wrangler.toml', '.ci/run'].filter((f) => existsSync(join(ROOT, f))).map((f): [string, string] => [f, hashComments(read(f)).join('\n')]),
  ];
}

/** The word "issue" and a bare number: the project's own tracker (another project's is cited as `owner/repo#N`). */
const TRACKER = /\b[Ii]ssues? \d+\b/g;

const exists = (file: string, path: string) =>
  [join(ROOT, path), join(ROOT, dirname(file), path)].some((p) => existsSync(p) || existsSync(`${p}.ts`));

/** Paths the build or a run writes: git-ignored, so absent from a fresh clone, yet real. */
function ignored(paths: string[]): Set<string> {
  if (paths.length === 0) return new Set();
  try {
    return new Set(execFileSync('git', ['check-ignore', '--no-index', '--stdin'], { cwd: ROOT, input: paths.join('\n'), encoding: 'utf8' }).split('\n').filter(Boolean));
  } catch (error) {
    // Exit status 1: none of them is ignored.
    return new Set(((error as { stdout?: string }).stdout ?? '').split('\n').filter(Boolean));
  }
}

describe('paths named in comments and docs', () => {
  it('all exist', () => {
    const missing: string[] = [];
    for (const [file, text] of textsToCheck()) {
      for (const path of namedPaths(text)) if (!exists(file, path)) missing.push(`${file}: ${path}`);
    }
    const output = ignored(missing.map((m) => m.slice(m.indexOf(': ') + 2)));
    expect(missing.filter((m) => !output.has(m.slice(m.indexOf(': ') + 2)))).toEqual([]);
  });

  it('cite specs and files, not the project tracker\'s issue numbers (an issue closes; the code stays)', () => {
    const citing = textsToCheck().flatMap(([file, text]) => [...text.matchAll(TRACKER)].map((m) => `${file}: ${m[0]}`));
    expect(citing).toEqual([]);
    expect('as issue 13 asks; (Issue 11, item 2); pothos issue #1511'.match(TRACKER)).toEqual(['issue 13', 'Issue 11']);
  });

  it('are found in prose and comments, and patterns are not taken for paths', () => {
    const text = 'see src/front/memo.ts, tools/data/ and docs/api.md. Not https://x.dev/docs/y, operations/*.graphql, bench/results/run-<time>.json, "data/x.json" or @scope/src/x.';
    expect(namedPaths(text)).toEqual(['src/front/memo.ts', 'tools/data/', 'docs/api.md']);
    expect(commentsOf("const a = '// src/not-a-comment.ts'; // src/front/memo.ts\n/** tests/node/x.ts */\nlet b;")).toEqual([
      '// src/front/memo.ts',
      '/** tests/node/x.ts */',
    ]);
  });
});
