import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { ArticleDoc } from '../../src/model/documents';
import type { ArticleStore } from './article-store';

/** Bytes buffered before a write: few system calls, little memory. */
const FLUSH_BYTES = 1 << 20;

/**
 * An article store on disk: each article's JSON appended to one file, its byte offset and
 * length kept (16 bytes an article), read back by position. JSON.parse(JSON.stringify(doc))
 * stringifies to the same text as doc (plain data: strings, numbers, booleans, arrays,
 * objects; property order kept, integer-like keys first either way), so the output is byte
 * for byte what the in-memory store gives (tools/compile/search-spill.test.ts).
 */
export class ArticleSpill implements ArticleStore {
  private readonly fd: number;
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;
  private buffer = Buffer.alloc(1 << 16);
  count = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w+');
  }

  /** Appends an article; returns its number. */
  add(doc: ArticleDoc): number {
    const json = JSON.stringify(doc);
    const bytes = Buffer.byteLength(json);
    if (this.count === this.offsets.length) this.grow();
    this.offsets[this.count] = this.written + this.pendingBytes;
    this.lengths[this.count] = bytes;
    this.pending.push(json);
    this.pendingBytes += bytes;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    return this.count++;
  }

  at(i: number): ArticleDoc {
    return JSON.parse(this.textAt(i)) as ArticleDoc;
  }

  /** The article's JSON as add() wrote it: JSON.stringify(doc), read back without parsing. */
  textAt(i: number): string {
    if (i < 0 || i >= this.count) throw new RangeError(`no article ${i} in a store of ${this.count}`);
    if (this.pending.length > 0) this.flush();
    const length = this.lengths[i]!;
    if (this.buffer.length < length) this.buffer = Buffer.alloc(Math.max(length, this.buffer.length * 2));
    let read = 0;
    while (read < length) read += readSync(this.fd, this.buffer, read, length - read, this.offsets[i]! + read);
    return this.buffer.toString('utf8', 0, length);
  }

  dispose(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.path, { force: true });
  }

  private flush(): void {
    const chunk = Buffer.from(this.pending.join(''));
    writeSync(this.fd, chunk, 0, chunk.length, this.written);
    this.written += chunk.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private grow(): void {
    const offsets = new Float64Array(this.offsets.length * 2);
    offsets.set(this.offsets);
    const lengths = new Uint32Array(this.lengths.length * 2);
    lengths.set(this.lengths);
    this.offsets = offsets;
    this.lengths = lengths;
  }
}
