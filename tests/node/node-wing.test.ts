import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './import-graph';

/**
 * The Node wing's rule (docs/architecture.md, "The Node wing"): every npm script is named
 * `<product>:<verb>` (or is a product's one command) and runs an entry point in scripts/ (a
 * test runner in tests/), never a library file. The import side of the rule is eslint's
 * (eslint.config.js, NODE_WING).
 */
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
/** A product's one command: what the README, CI and habit call it. */
const PLAIN = new Set(['start', 'test', 'build', 'bench', 'lint', 'typecheck', 'ingest']);

/** The .ts files a script line hands to tsx. */
const tsxTargets = (line: string): string[] => [...line.matchAll(/\btsx\s+([\w./-]+\.ts)\b/g)].map((m) => m[1]!);

describe('the npm scripts', () => {
  it('are named <product>:<verb>, or are a product\'s one command', () => {
    expect(Object.keys(scripts).filter((name) => !PLAIN.has(name) && !/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/.test(name))).toEqual([]);
  });

  it('run entry points in scripts/ (test runners in tests/), not library files', () => {
    const targets = Object.values(scripts).flatMap(tsxTargets);
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.filter((t) => !t.startsWith('scripts/') && !t.startsWith('tests/'))).toEqual([]);
  });

  it('reads the files a script line runs', () => {
    expect(tsxTargets('npm run schema:generate && tsx bench/build-corpus.ts --x && tsx scripts/a-b.ts')).toEqual(['bench/build-corpus.ts', 'scripts/a-b.ts']);
  });
});
