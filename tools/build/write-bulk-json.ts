import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import type { KvEntry } from './kv-entry';

/**
 * Writes entries as the JSON array `wrangler kv bulk put` takes ({key, value} with the value
 * as text), one entry a line, streamed: the whole file as one string would pass V8's string
 * limit (about 512 MiB) at 100,000 articles. One entry a line also lets a reader take it line
 * by line. Written to a temporary name, then renamed: a reader never sees half a file.
 */
export function writeBulkJson(path: string, entries: Iterable<KvEntry>): { count: number } {
  const fd = openSync(`${path}.tmp`, 'w');
  let count = 0;
  let pending = '[';
  try {
    for (const e of entries) {
      pending += `${count ? ',' : ''}\n${JSON.stringify({ key: e.key, value: JSON.stringify(e.value) })}`;
      count += 1;
      if (pending.length > 1 << 20) {
        writeSync(fd, pending);
        pending = '';
      }
    }
    writeSync(fd, `${pending}\n]\n`);
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.tmp`, path);
  return { count };
}

/** One entry from a line of a file writeBulkJson wrote; null for the bracket lines. */
export function parseBulkLine(line: string): { key: string; value: string } | null {
  const text = line.endsWith(',') ? line.slice(0, -1) : line;
  if (text === '[' || text === ']' || text === '') return null;
  return JSON.parse(text) as { key: string; value: string };
}
