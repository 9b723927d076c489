import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleFile } from '../../../tools/data/data-format';
import { buildDataSet } from '../../../tools/compile/build-data-set';
import { readSourceFiles } from '../../../tools/data/source-files';

export const root = join(import.meta.dirname, '..', '..', '..');
export const fixtures = join(root, 'tests', 'fixtures', 'ingest');
/** A fixed clock: ingest stamps inferred dates and modifications with it. */
export const NOW = new Date('2026-11-28T06:00:00Z');

const scratch: string[] = [];

/** A data directory holding the real KB (data/entities) and no articles; inputs go beside it in ../in. */
export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
  scratch.push(dir);
  cpSync(join(root, 'data', 'entities'), join(dir, 'data', 'entities'), { recursive: true });
  return join(dir, 'data');
}

export function cleanUp(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file under data/articles, name -> text (dotfiles too: a leftover temp file shows). */
export function articleFiles(dir: string): Map<string, string> {
  let names: string[];
  try {
    names = readdirSync(join(dir, 'articles'));
  } catch {
    return new Map();
  }
  const files = new Map<string, string>();
  for (const n of names.sort()) {
    try {
      files.set(n, readFileSync(join(dir, 'articles', n), 'utf8'));
    } catch {
      // renamed away while we listed (a temp file of a running ingest)
    }
  }
  return files;
}

export const readArticle = (dir: string, slug: string): ArticleFile =>
  JSON.parse(readFileSync(join(dir, 'articles', `${slug}.json`), 'utf8')) as ArticleFile;

/** The real build step over the directory: what `npm start` would serve. */
export async function buildDir(dir: string) {
  return buildDataSet(readSourceFiles(dir), {
    builtAt: NOW.toISOString(),
    hash: async (t) => createHash('sha256').update(t).digest('hex'),
  });
}
