import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A working copy of a loaded local-KV directory (Miniflare's: SQLite metadata plus one blob file
 * a value) that a run may change while the saved state stays as loaded. Blobs are immutable in
 * Miniflare's blob store (written once under a random id, then only deleted), so on the same
 * file system they are hard-linked, not copied: a corpus of 316,000 keys is cloned in seconds
 * instead of minutes and gigabytes. The SQLite files, which change in place, are copied.
 * Returns how many files were linked and copied.
 */
export function cloneKvDir(from: string, to: string): { linked: number; copied: number } {
  const counts = { linked: 0, copied: 0 };
  const walk = (src: string, dst: string, inBlobs: boolean) => {
    mkdirSync(dst, { recursive: true });
    for (const entry of readdirSync(src, { withFileTypes: true })) {
      const [s, d] = [join(src, entry.name), join(dst, entry.name)];
      if (entry.isDirectory()) walk(s, d, inBlobs || entry.name === 'blobs');
      else if (inBlobs && linked(s, d)) counts.linked++;
      else {
        copyFileSync(s, d);
        counts.copied++;
      }
    }
  };
  walk(from, to, false);
  return counts;
}

/** A hard link, or false across file systems (the caller copies). */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EXDEV') return false;
    throw error;
  }
}
