import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/**
 * Fixed-width records of unsigned 32-bit integers appended to a file through a buffer, and
 * read back in order a block at a time: the build's spill to disk, so data that grows with
 * the corpus (each article's terms, every posting) is on disk and not in the heap.
 */
const BLOCK = 1 << 16;

export class SpillWriter {
  private readonly fd: number;
  private readonly buffer = new Uint32Array(BLOCK);
  private readonly bytes = Buffer.from(this.buffer.buffer);
  private used = 0;
  /** 32-bit words written so far. */
  words = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  push(value: number): void {
    this.buffer[this.used++] = value;
    this.words += 1;
    if (this.used === BLOCK) this.flush();
  }

  private flush(): void {
    if (this.used > 0) writeSync(this.fd, this.bytes, 0, this.used * 4);
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** The words of a spill file, in the order they were written. */
export class SpillReader {
  private readonly fd: number;
  private readonly buffer = new Uint32Array(BLOCK);
  private readonly bytes = Buffer.from(this.buffer.buffer);
  private at = 0;
  private end = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
  }

  next(): number {
    if (this.at === this.end) {
      const bytes = readSync(this.fd, this.bytes, 0, BLOCK * 4, null);
      if (bytes === 0) throw new Error('read past the end of a spill file');
      this.at = 0;
      this.end = bytes / 4;
    }
    return this.buffer[this.at++]!;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A whole (small) spill file at once. */
export function readSpill(path: string, words: number): Uint32Array {
  const out = new Uint32Array(words);
  const bytes = Buffer.from(out.buffer);
  const fd = openSync(path, 'r');
  try {
    let read = 0;
    while (read < words * 4) read += readSync(fd, bytes, read, words * 4 - read, null);
  } finally {
    closeSync(fd);
  }
  return out;
}
