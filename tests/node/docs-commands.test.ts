import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every command the README and docs/ tell a reader to run is run by a test or by CI, so the
 * docs cannot go stale: each is matched here to the file that runs it (which must still say
 * so), or to the reason it cannot run unattended.
 */
const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const docs = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** Command lines of ```sh blocks and of indented blocks, with comments and continuations. */
function commands(text: string): string[] {
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const indented = [...text.matchAll(/^ {4}((?:npm|npx|tsx|curl) .*)$/gm)].map((m) => m[1]!);
  return [...blocks.join('\n').replace(/\\\n/g, ' ').split('\n'), ...indented]
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

/** What runs each command: [pattern, file that runs it, text that file holds when it does]. */
const RUN_BY: Array<[RegExp, string, string]> = [
  [/^npm (ci|test)$/, '.ci/run', 'npm test'],
  [/^npm start$/, 'tests/e2e/servers.ts', 'npmStartVars'],
  [/^npm run build$/, 'package.json', '"typecheck": "npm run build'],
  [/^npm run schema:check$/, 'package.json', 'npm run schema:check &&'],
  [/^npm run kv:load$/, 'tests/e2e/global-setup.ts', 'scripts/load-kv.ts'],
  [/^npx wrangler deploy$/, 'package.json', 'wrangler deploy --dry-run'],
  [/^curl -O https:\/\/<your-worker>\/schema\.graphql$/, 'tests/browser/graphiql-offline.ts', '/schema.graphql'],
  [/^curl -G http:\/\/localhost:8787\/graphql .*persistedQuery/, 'tests/shared/delivery-checks.ts', "persistedGetUrl('ArticlePage'"],
  [/^npm run ingest --silent -- --dry-run --json /, 'tests/node/ingest/fresh-clone.test.ts', "'ingest', '--silent', '--', '--dry-run', '--json'"],
];
/** Commands no unattended run can make, and why. */
const BY_HAND: Array<[RegExp, string]> = [
  [/^npx wrangler (login|kv namespace create NEWS)$/, 'needs a Cloudflare account'],
  [/^npm run kv:load -- --remote$/, 'needs a Cloudflare account; tests/e2e runs the same script on local KV'],
  [/^npm run bench( -- .*)?$/, 'minutes long: speed is checked by the benchmark, not by CI'],
  [/^npm run bench:(peer|build)( -- .*)?$/, 'minutes long: speed and memory are checked by the benchmark, not by CI'],
  [/^npm run test:quick( -- .*)?$/, 'the node and worker projects of `npm test`, which CI runs in full'],
  [/^npm run schema:release$/, 'a release decision that rewrites schema/released.graphql; the gate it runs first is unit-tested (tools/schema-gate/schema-gate.test.ts)'],
  [/^npm run ingest:measure( -- .*)?$/, 'minutes long (119 pages; 181 more with the benchmark): its measure is unit-tested (tests/node/ingest/page-reader.test.ts, measure.test.ts)'],
  [/^npm run bench:profile( -- .*)?$/, 'a measuring tool over the KV state a bench run loaded; its summing is unit-tested (bench/cpu-profile.test.ts)'],
];

describe('commands in the README and docs/', () => {
  const all = docs.flatMap((doc) => commands(read(doc)).map((command) => [doc, command] as const));

  it('finds the commands', () => expect(all.length).toBeGreaterThan(5));

  it.each(all)('%s: `%s` is run by a test or by CI', (_, command) => {
    const runBy = RUN_BY.find(([pattern]) => pattern.test(command));
    if (runBy) {
      expect(existsSync(join(root, runBy[1])), runBy[1]).toBe(true);
      expect(read(runBy[1])).toContain(runBy[2]);
    } else {
      expect(BY_HAND.some(([pattern]) => pattern.test(command)), `nothing runs \`${command}\``).toBe(true);
    }
  });

  it('names only npm scripts that exist', () => {
    const named = docs.flatMap((doc) => [...read(doc).matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1]!));
    expect(named.filter((name) => !(name in scripts))).toEqual([]);
  });

  it('`npm run docs:performance` writes the figures file from bench/results/, and leaves the prose alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-'));
    try {
      mkdirSync(join(dir, 'docs'));
      cpSync(join(root, 'docs', 'performance.md'), join(dir, 'docs', 'performance.md'));
      execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'docs-performance.ts')], { cwd: dir, stdio: 'pipe' });
      const written = readFileSync(join(dir, 'docs', 'performance-figures.md'), 'utf8');
      expect(written).toMatch(/^# Performance figures\n\n<!-- written by `npm run docs:performance`[^\n]*-->\n[^]*\n\n## npm run bench\n\nNot run in this clone yet\.\n$/);
      // The committed figures file has the same header: it is the generator's output, not pasted.
      expect(read('docs/performance-figures.md').slice(0, written.indexOf('## npm run bench'))).toBe(written.slice(0, written.indexOf('## npm run bench')));
      expect(readFileSync(join(dir, 'docs', 'performance.md'), 'utf8')).toBe(read('docs/performance.md'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps docs/performance.md prose of at most 25 KB, linking its figures', () => {
    expect(Buffer.byteLength(read('docs/performance.md'))).toBeLessThanOrEqual(25_000);
    expect(read('docs/performance.md')).toContain('(performance-figures.md)');
  });
});
