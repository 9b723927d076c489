import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cloneKvDir } from './kv-clone';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Miniflare's layout: the namespace object's SQLite files, and a blob file a value. */
function loadedKv(): string {
  const root = mkdtempSync(join(tmpdir(), 'kv-clone-'));
  dirs.push(root);
  const kv = join(root, 'kv');
  mkdirSync(join(kv, 'miniflare-KVNamespaceObject'), { recursive: true });
  mkdirSync(join(kv, 'NEWS', 'blobs'), { recursive: true });
  writeFileSync(join(kv, 'miniflare-KVNamespaceObject', 'metadata.sqlite'), 'rows');
  writeFileSync(join(kv, 'miniflare-KVNamespaceObject', 'metadata.sqlite-wal'), 'wal');
  for (const id of ['a1', 'b2', 'c3']) writeFileSync(join(kv, 'NEWS', 'blobs', id), `value ${id}`);
  return kv;
}

describe('cloning a loaded KV directory', () => {
  it('links the blobs and copies the SQLite files, so the clone changes without touching the saved state', () => {
    const kv = loadedKv();
    const clone = join(kv, '..', 'clone');
    expect(cloneKvDir(kv, clone)).toEqual({ linked: 3, copied: 2 });
    expect(statSync(join(clone, 'NEWS', 'blobs', 'a1')).ino).toBe(statSync(join(kv, 'NEWS', 'blobs', 'a1')).ino);
    expect(statSync(join(clone, 'miniflare-KVNamespaceObject', 'metadata.sqlite')).ino).not.toBe(statSync(join(kv, 'miniflare-KVNamespaceObject', 'metadata.sqlite')).ino);
    // The run deletes a value's blob and rewrites the metadata: the saved state keeps both.
    unlinkSync(join(clone, 'NEWS', 'blobs', 'a1'));
    writeFileSync(join(clone, 'miniflare-KVNamespaceObject', 'metadata.sqlite'), 'changed');
    expect(existsSync(join(kv, 'NEWS', 'blobs', 'a1'))).toBe(true);
    expect(readFileSync(join(kv, 'miniflare-KVNamespaceObject', 'metadata.sqlite'), 'utf8')).toBe('rows');
    expect(readFileSync(join(clone, 'NEWS', 'blobs', 'b2'), 'utf8')).toBe('value b2');
  });
});
