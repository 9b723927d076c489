import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BAD_INPUTS, dataWith } from '../../tests/node/bad-data/catalog';
import { generateArticle } from '../fixtures/corpus';
import { buildDataSet } from './build-data-set';
import { buildDataSetStreamed } from './build-data-streamed';
import { formatProblem } from '../data/problems';
import { runBuild } from './run-build';
import { listSourceFiles, readSourceFiles } from '../data/source-files';

/**
 * The streamed build's own parts: articles read from disk one at a time, checked against
 * entities read first, spilled, and the spill removed whatever the outcome. Its entries are
 * compared with the in-memory build's in search-spill.test.ts.
 */
const options = { builtAt: '2026-01-01T00:00:00Z', hash: async (t: string) => createHash('sha256').update(t).digest('hex') };
const root = mkdtempSync(join(tmpdir(), 'streamed-build-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The seed data on disk plus generated articles, one of them replaced by `broken`. */
function dataDir(name: string, articles: number, broken: { at: number; text: string }): string {
  const dir = join(root, name);
  for (const f of readSourceFiles('data')) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.bytes);
  }
  for (let i = 1; i <= articles; i++) {
    const file = generateArticle(i);
    writeFileSync(join(dir, file.path), i === broken.at ? broken.text : file.text);
  }
  return dir;
}

describe('streamed build', () => {
  it('reports every catalog case exactly as the in-memory build does', async () => {
    for (const input of BAD_INPUTS) {
      const [memory, streamed] = [await buildDataSet(dataWith(input), options), await buildDataSetStreamed(dataWith(input), options)];
      const lines = (r: typeof memory | typeof streamed) => (r.ok ? [] : r.problems.map(formatProblem));
      expect(lines(streamed), input.name).toEqual(lines(memory));
      if (streamed.ok) streamed.data.dispose();
    }
  }, 120_000);

  it('names the file and line of a broken article among many, writes nothing and leaves no spill', async () => {
    // Article 40 of 80 has one key twice, on lines 3 and 4.
    const text = '{\n  "slug": "generated-000040",\n  "language": "hi",\n  "language": "en"\n}\n';
    const dir = dataDir('duplicate-key', 80, { at: 40, text });
    const spillDir = mkdtempSync(join(root, 'spill-'));
    const result = await buildDataSetStreamed(listSourceFiles(dir), { ...options, spillDir });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'articles/generated-000040.json: /: has the key "language" twice (lines 3 and 4); only one may stay',
    ]);
    expect(readdirSync(spillDir)).toEqual([]);

    const out = join(root, 'out');
    const err: string[] = [];
    expect(await runBuild(dir, out, { out: () => undefined, err: (l) => err.push(l), builtAt: options.builtAt })).toBe(1);
    expect(err).toHaveLength(2);
    expect(err[1]).toContain('generated-000040.json: /: has the key "language" twice (lines 3 and 4)');
    expect(() => readdirSync(out)).toThrow();
  }, 60_000);

  it('builds, and after dispose leaves nothing in its spill directory', async () => {
    const dir = dataDir('valid', 30, { at: 0, text: '' });
    const spillDir = mkdtempSync(join(root, 'spill-'));
    const result = await buildDataSetStreamed(listSourceFiles(dir), { ...options, spillDir });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(readdirSync(spillDir)).toHaveLength(1);
    const entries = [...result.data.entries];
    const keys = entries.length;
    expect(keys).toBe(result.data.summary.keys - 1);
    // The node manifest: a head naming one shard (up to 16,384 nodes), and that shard.
    const manifest = entries.filter((e) => /^v:\w+:m(:|$)/.test(e.key));
    expect(manifest.map((e) => e.key.split(':').slice(2).join(':'))).toEqual(['m', 'm:0']);
    expect(manifest[0]!.value).toEqual({ shards: 1, nodes: Object.keys(manifest[1]!.value as object).length });
    expect(manifest[0]!.value).toMatchObject({ nodes: result.data.summary.articles + result.data.summary.entities });
    expect([...result.data.entries].length).toBe(keys);
    result.data.dispose();
    expect(readdirSync(spillDir)).toEqual([]);
  }, 60_000);
});
