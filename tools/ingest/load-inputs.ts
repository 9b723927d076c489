import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extname, join } from 'node:path';
import { DEFAULT_FETCH_LIMITS, fetchSource, type FetchLimits } from './fetch-source';
import { IngestError } from './problem';
import type { InputBytes } from './read-input';

/** The files a folder holds that ingest reads, by extension (gzipped or not): others (READMEs, SOURCES.txt) are not news. */
export const INGESTED_EXTENSIONS = new Set(['.json', '.jsonld', '.xml', '.rss', '.atom', '.html', '.htm']);
const ingested = (name: string) => INGESTED_EXTENSIONS.has(extname(name.replace(/\.gz$/i, '')).toLowerCase());

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
      return ingested(e.name) ? [path] : [];
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
  const bytes = readFileSync(arg);
  // gzip (RFC 1952, magic 1f 8b), as pages are archived: the cap applies to what it unpacks to.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return { name: arg, bytes };
  try {
    return { name: arg, bytes: gunzipSync(bytes, { maxOutputLength: limits.maxBytes }) };
  } catch (error) {
    throw new IngestError(/maxOutputLength|buffer/i.test((error as Error).message) ? `unpacks to over the limit of ${limits.maxBytes} bytes` : `is not valid gzip: ${(error as Error).message}`);
  }
}
