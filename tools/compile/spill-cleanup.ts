import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Spill directories (`build-spill-*`) that outlive their build: one stopped by a signal leaves
 * its spill (some 6 GB at 1,000,000 articles). A signal handler cannot remove it in time: the
 * build works for minutes without returning to the event loop (its awaits are microtasks), and
 * a handler would keep Ctrl-C and SIGTERM from stopping it at all until then. So each build
 * first removes the directories whose owner, written into them, is no longer a running
 * process. Directories without an owner file (older builds), or whose owner runs (another
 * build on the same machine), are left.
 */
const PREFIX = 'build-spill-';
const OWNER = 'owner.pid';

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the spill directories under `parent` whose owning process has ended; returns them. */
export function removeOrphanSpills(parent: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(PREFIX)) continue;
    let owner: number;
    try {
      owner = Number(readFileSync(join(parent, name, OWNER), 'utf8'));
    } catch {
      continue;
    }
    if (!Number.isInteger(owner) || owner <= 0 || running(owner)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** A new spill directory under `parent`, owned by this process (removeOrphanSpills reads it). */
export function ownedSpillDir(parent: string): string {
  const path = mkdtempSync(join(parent, PREFIX));
  writeFileSync(join(path, OWNER), String(process.pid));
  return path;
}
