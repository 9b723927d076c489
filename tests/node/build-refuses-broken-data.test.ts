import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Invalid data never reaches KV: the build step is the only producer of what `kv:load`
 * publishes, and on a broken data set it exits 1 and writes nothing, not even over the
 * previous good output (`npm start` and deploys chain build && load).
 */
const FIXTURES = 'tests/fixtures/broken-data';
const tsx = join('node_modules', '.bin', 'tsx');
let out: string;
afterEach(() => rmSync(out, { recursive: true, force: true }));

const cases: Array<[string, string[]]> = [
  ['bad-json', ['is not valid JSON']],
  ['wrong-types', ['/0/slug: must be a slug', '/0/names: Invalid input: expected record, received number', '/0/wikidataId']],
  ['dangling-link', ['/0/location: names "atlantis"', '/0/participants/0: names "nobody-at-all"']],
];

describe('the build step on broken data', () => {
  it.each(cases)('%s: exits 1, names every problem, writes nothing', (name, problems) => {
    out = mkdtempSync(join(tmpdir(), 'build-out-'));
    writeFileSync(join(out, 'kv-pointer.json'), '"the previous good build"');
    const run = spawnSync(tsx, ['scripts/build-data.ts', '--data', join(FIXTURES, name), '--out', out], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    for (const problem of problems) expect(run.stderr).toContain(problem);
    expect(run.stderr).toContain('nothing was written');
    expect(readdirSync(out)).toEqual(['kv-pointer.json']);
    expect(readFileSync(join(out, 'kv-pointer.json'), 'utf8')).toBe('"the previous good build"');
  });
});
