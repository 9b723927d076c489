import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RawSourceFile } from './decode-source';
import { INPUT_LIMITS } from './input-limits';

/**
 * Every data file under `dir`, or under its subfolder `under` (not dotfiles, not READMEs), with
 * its path relative to `dir`, as bytes: decoding is the build's job (decode-source.ts), so
 * that a file that is not UTF-8 is reported, not silently repaired. A file over the size
 * limit is not read at all (its size is passed on for the report).
 */
export function readSourceFiles(dir: string, under = ''): RawSourceFile[] {
  return listSourceFiles(dir, under).map((file) => file.read());
}

/**
 * The same files, each read only when the build asks for it (build-data-streamed.ts reads a
 * million articles one at a time), read afresh each time.
 */
export function listSourceFiles(dir: string, under = ''): Array<{ path: string; read: () => RawSourceFile }> {
  return listFiles(join(dir, under)).map((path) => {
    const name = relative(dir, path).split('\\').join('/');
    return {
      path: name,
      read: () => {
        const size = statSync(path).size;
        if (size > INPUT_LIMITS.sourceFileBytes) return { path: name, bytes: new Uint8Array(), unreadSize: size };
        return { path: name, bytes: readFileSync(path) };
      },
    };
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.name.startsWith('.') || entry.name.endsWith('.md') ? [] : [path];
  });
}
