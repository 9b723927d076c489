import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from './read-data-set';

/**
 * Every data file under `dir`, or under its subfolder `under` (not dotfiles, not READMEs), with
 * its path relative to `dir`. For the build CLI, benchmarks and tests that build from disk.
 */
export function readSourceFiles(dir: string, under = ''): SourceFile[] {
  return listFiles(join(dir, under)).map((path) => ({
    path: relative(dir, path).split('\\').join('/'),
    text: readFileSync(path, 'utf8'),
  }));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.name.startsWith('.') || entry.name.endsWith('.md') ? [] : [path];
  });
}
