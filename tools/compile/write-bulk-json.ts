import { closeSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { storedText, type KvEntry } from './kv-entry';

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
      pending += `${count ? ',' : ''}\n${JSON.stringify({ key: e.key, value: storedText(e) })}`;
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

/**
 * The entries of a file writeBulkJson wrote, read line by line (one entry a line), so no
 * string holds the whole file: at 100,000 articles it is past V8's string limit.
 */
export function readBulkJson(path: string): Array<{ key: string; value: string }> {
  const entries: Array<{ key: string; value: string }> = [];
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      const lines = (rest + decoder.write(buffer.subarray(0, n))).split('\n');
      rest = lines.pop()!;
      for (const line of lines) pushLine(entries, line);
    }
    pushLine(entries, rest + decoder.end());
  } finally {
    closeSync(fd);
  }
  return entries;
}

/** A line is `[`, `]`, or one entry with a trailing comma except the last. */
function pushLine(entries: Array<{ key: string; value: string }>, line: string): void {
  const text = line.endsWith(',') ? line.slice(0, -1) : line;
  if (text !== '[' && text !== ']' && text !== '') entries.push(JSON.parse(text) as { key: string; value: string });
}
