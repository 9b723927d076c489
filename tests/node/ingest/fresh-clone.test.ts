import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A fresh clone (the repository's files, no generated `*.gen.ts`, no prior build) runs
 * `npm run ingest -- --dry-run --json` on a gzipped page: the command generates what it
 * imports from the schema itself, prints one JSON object for the story, and writes no article.
 */
const root = join(import.meta.dirname, '..', '..', '..');
let clone: string;

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'fresh-clone-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const f of files) {
    if (f.endsWith('.gen.ts') || !existsSync(join(root, f))) continue;
    mkdirSync(dirname(join(clone, f)), { recursive: true });
    cpSync(join(root, f), join(clone, f));
  }
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
  writeFileSync(join(clone, 'kbs-1.html.gz'), gzipSync(readFileSync(join(root, 'tests/fixtures/ingest/pages/kbs-1.html'))));
});
afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe('a fresh clone', () => {
  it('has no generated module before the command runs', () => {
    expect(existsSync(join(clone, 'src/model/schema-enums.gen.ts'))).toBe(false);
  });

  it('runs `npm run ingest -- --dry-run --json` on a .html.gz page without a build', () => {
    const out = execFileSync('npm', ['run', 'ingest', '--silent', '--', '--dry-run', '--json', 'kbs-1.html.gz'], { cwd: clone, encoding: 'utf8' });
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const story = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(story).toMatchObject({
      input: 'kbs-1.html.gz', headline: '멕시코 ‘무더기 실종’ 모두 발견…“여행객 아닌 이민자”', language: 'ko',
      datePublished: '2023-04-07', datePublishedTime: null,
    });
    expect(story.refused).toBeUndefined();
    const body = (story.body as string).split('\n\n');
    expect(body[0]).toBe('멕시코 도로 한복판에서 대거 행방이 묘연해졌던 수십명의 실종자들이 모두 발견됐습니다.');
    expect(body).toHaveLength(10);
    expect(existsSync(join(clone, 'data', 'articles', 'megsiko-mudeogi-siljong-modu-balgyeon-yeohaenggaeg-anin-iminja.json'))).toBe(false);
  }, 120_000);
});
