import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from './read-data-set';

/**
 * Every data file under `dir` (recursively) as a SourceFile with a path relative to `dir`;
 * dotfiles and Markdown notes are not data. For scripts, benchmarks and tests that build
 * from disk.
 */
export function readSourceFiles(dir: string, under = ''): SourceFile[] {
  return readdirSync(join(dir, under), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !entry.name.endsWith('.md'))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: relative(dir, path).split('\\').join('/'), text: readFileSync(path, 'utf8') };
    });
}
