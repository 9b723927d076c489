import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { DEFAULT_FETCH_LIMITS, fetchSource, type FetchLimits } from './fetch-source';
import { IngestError } from './problem';
import type { InputBytes } from './read-input';

/** The files a folder holds that ingest reads, by extension: others (READMEs, SOURCES.txt) are not news. */
export const INGESTED_EXTENSIONS = new Set(['.json', '.jsonld', '.xml', '.rss', '.atom', '.html', '.htm']);

export const isUrl = (arg: string): boolean => /^https?:\/\//i.test(arg);

/** Expands the command line's arguments: folders to their files (sorted, dotfiles skipped). */
export function expandInputs(args: string[]): string[] {
  return args.flatMap((arg) => {
    if (isUrl(arg)) return [arg];
    let isDir: boolean;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      return [arg]; // reported as not found when read
    }
    return isDir ? listFolder(arg) : [arg];
  });
}

function listFolder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return listFolder(path);
      return INGESTED_EXTENSIONS.has(extname(e.name).toLowerCase()) ? [path] : [];
    });
}

/** Reads one input: a URL by fetchSource (timeout, size cap, redirects), a file from disk (size cap). */
export async function loadInput(arg: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<InputBytes> {
  if (isUrl(arg)) {
    const fetched = await fetchSource(arg, limits);
    return { name: arg, bytes: fetched.bytes, contentType: fetched.contentType, url: fetched.url };
  }
  let size: number;
  try {
    size = statSync(arg).size;
  } catch {
    throw new IngestError('does not exist or cannot be read');
  }
  if (size > limits.maxBytes) throw new IngestError(`is ${size} bytes, over the limit of ${limits.maxBytes}`);
  return { name: arg, bytes: readFileSync(arg) };
}
