import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBulkJson } from '../../tools/compile/write-bulk-json';

/**
 * The build step as a newsroom runs it: real files, the real CLI. Each fixture under
 * tests/fixtures/broken/ holds only the files it breaks; they are laid over a copy of data/.
 */
const root = join(import.meta.dirname, '..', '..');
const scratch: string[] = [];
afterEach(() => scratch.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function build(fixture?: string, change?: (dataDir: string) => void): { status: number; stdout: string; stderr: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'news-data-'));
  scratch.push(dir);
  cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
  if (fixture) cpSync(join(root, 'tests/fixtures/broken', fixture), join(dir, 'data'), { recursive: true });
  change?.(join(dir, 'data'));
  const out = join(dir, 'out');
  try {
    const stdout = execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/build-data.ts'), '--data', join(dir, 'data'), '--out', out], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, stdout, stderr: '', out };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, stdout: e.stdout, stderr: e.stderr, out };
  }
}

// Each test spawns the CLI (tsx, a build): seconds each, more on a busy machine.
describe('scripts/build-data.ts', { timeout: 60_000 }, () => {
  it('builds the seed data and prints a summary', () => {
    const r = build();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/data version [0-9a-f]{12}: 1 article\(s\), 266 entities, \d+ mentions, \d+ keys, \d+ bytes/);
    const entries = readBulkJson(join(r.out, 'kv-data.json'));
    expect(entries).toEqual(JSON.parse(readFileSync(join(r.out, 'kv-data.json'), 'utf8')));
    const pointer = JSON.parse(readFileSync(join(r.out, 'kv-pointer.json'), 'utf8')) as Array<{ key: string; value: string }>;
    const { version } = JSON.parse(pointer[0]!.value) as { version: string };
    expect(pointer[0]!.key).toBe('current');
    expect(entries.every((e) => e.key.startsWith(`v:${version}:`))).toBe(true);
    expect(entries.every((e) => new TextEncoder().encode(e.key).length <= 512)).toBe(true);
  });

  it('gives the same data version for the same data', () => {
    const version = (r: ReturnType<typeof build>) => /data version (\w+)/.exec(r.stdout)![1];
    expect(version(build())).toBe(version(build()));
  });

  const cases: Array<[string, RegExp[]]> = [
    ['bad-article', [
      /articles\/putin-to-visit-north-korea-next-week\.json: \/datePublished: must be a calendar date as YYYY-MM-DD/,
      /articles\/putin-to-visit-north-korea-next-week\.json: \/paragraphs\/2: must not be empty/,
    ]],
    ['bad-people', [
      /entities\/people\.json: \/0\/wikidataId: must be a Wikidata item such as Q7747/,
    ]],
    ['not-json', [/articles\/putin-to-visit-north-korea-next-week\.json: \/: is not valid JSON/]],
    ['wrong-file-name', [
      /articles\/putin-to-visit-north-korea-next-week\.json: \/slug: must match the file name/,
    ]],
  ];
  it.each(cases)('rejects %s: lists every problem with file and path, writes nothing', (fixture, messages) => {
    const r = build(fixture);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('nothing was written');
    for (const message of messages) expect(r.stderr).toMatch(message);
    expect(existsSync(r.out) ? readdirSync(r.out) : []).toEqual([]);
  });

  // Byte-level cases through the real CLI (the rest of the catalog: tests/node/bad-data/).
  const seedPath = (dataDir: string) => join(dataDir, 'articles/putin-to-visit-north-korea-next-week.json');
  it('refuses a file that is not UTF-8 with its byte offset, and writes nothing', () => {
    const r = build(undefined, (dataDir) => {
      const bytes = readFileSync(seedPath(dataDir));
      bytes[40] = 0xe9; // a Latin-1 é in the file's first lines
      writeFileSync(seedPath(dataDir), bytes);
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/articles\/putin-to-visit-north-korea-next-week\.json: \/: is not valid UTF-8: byte offset 40 \(bytes E9 /);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(r.out)).toBe(false);
  });

  it('accepts a byte-order mark and publishes the same data as without it', () => {
    const plain = build();
    const withBom = build(undefined, (dataDir) => writeFileSync(seedPath(dataDir), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(seedPath(dataDir))])));
    expect(withBom.status).toBe(0);
    expect(/data version (\w+)/.exec(withBom.stdout)![1]).toBe(/data version (\w+)/.exec(plain.stdout)![1]);
  });

  it('checks references across files once every file parses', () => {
    const slugClash = build('bad-people-links');
    expect(slugClash.status).toBe(1);
    expect(slugClash.stderr).toMatch(/entities\/people\.json: \/1\/slug: "vladimir-putin" is already the slug of an entity/);
    expect(slugClash.stderr).toMatch(/articles\/putin-to-visit-north-korea-next-week\.json: \/events\/0: names "nowhere", which is no entity/);
  });
});
