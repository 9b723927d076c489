import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ownedSpillDir, removeOrphanSpills } from './spill-cleanup';

let parent = '';
afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe('spill directories left by stopped builds', () => {
  it('removes those whose owner has ended, and leaves running, unowned and foreign ones', () => {
    parent = mkdtempSync(join(tmpdir(), 'spill-cleanup-'));
    const mine = ownedSpillDir(parent);
    expect(readFileSync(join(mine, 'owner.pid'), 'utf8')).toBe(String(process.pid));
    // A process that has ended: its pid is free (or reused, which only leaves the directory).
    const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
    for (const [name, owner] of [['build-spill-ended', String(ended)], ['build-spill-unowned', null], ['other-dir', String(ended)]] as const) {
      mkdirSync(join(parent, name));
      writeFileSync(join(parent, name, 'articles'), 'x');
      if (owner) writeFileSync(join(parent, name, 'owner.pid'), owner);
    }
    expect(removeOrphanSpills(parent)).toEqual(['build-spill-ended']);
    expect(readdirSync(parent).sort()).toEqual([mine.slice(parent.length + 1), 'build-spill-unowned', 'other-dir'].sort());
  });
});
