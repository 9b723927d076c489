import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Loaded KV state, kept between bench runs. Writing 111,000 keys into Miniflare's local KV
 * takes minutes (about 1.5 ms a key on an idle 2-core machine: one SQLite row and one blob
 * file each), far longer than building them, so a run keeps what it loaded under
 * bench/.state/, named by a hash of everything the data depends on: the corpus size, data/,
 * and the sources of the build step and the corpus generator. Any change there builds and
 * loads afresh; `--fresh` forces it.
 */
const STATE_DIR = 'bench/.state';
const INPUTS = ['data', 'tools/data', 'tools/compile', 'tools/publish', 'src/model', 'src/text', 'tools/fixtures/corpus.ts'];

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

export function stateKey(articles: number): string {
  const hash = createHash('sha256').update(String(articles));
  for (const file of INPUTS.flatMap(filesUnder)) hash.update(`\0${file}\0`).update(readFileSync(file));
  return `${articles}-${hash.digest('hex').slice(0, 12)}`;
}

export interface SavedState<T> {
  kvDir: string;
  figures: T;
}

export function findState<T>(key: string): SavedState<T> | null {
  const dir = join(STATE_DIR, key);
  if (!existsSync(join(dir, 'figures.json'))) return null;
  return { kvDir: join(dir, 'kv'), figures: JSON.parse(readFileSync(join(dir, 'figures.json'), 'utf8')) as T };
}

/** Copies a loaded KV directory into the state store; figures.json, written last, marks it complete. */
export function saveState<T>(key: string, kvDir: string, figures: T): SavedState<T> {
  const dir = join(STATE_DIR, key);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(kvDir, join(dir, 'kv'), { recursive: true });
  writeFileSync(join(dir, 'figures.json'), JSON.stringify(figures));
  return { kvDir: join(dir, 'kv'), figures };
}
