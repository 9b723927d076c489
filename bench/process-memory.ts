/**
 * The memory of the workerd process `wrangler dev` starts, read from Linux's /proc:
 * VmRSS (resident now) and VmHWM (peak resident) of every `workerd` descendant of a pid.
 * This is the whole runtime process (V8 heap of the isolate, the runtime, its caches, socket
 * buffers), an upper bound on the worker's own memory; Cloudflare's limit is 128 MB per isolate.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Child pids by parent pid, from /proc. */
export function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  return byParent;
}

export interface ProcessMemory {
  pid: number;
  /**
   * wrangler dev runs two workerd processes: the one with an inspector runs the worker's
   * code; the other is wrangler's proxy that owns the public port and forwards to it.
   */
  role: 'worker runtime' | 'wrangler proxy';
  rssMiB: number;
  peakRssMiB: number;
}

export function workerdMemory(root: number): ProcessMemory[] {
  const byParent = children();
  const found: ProcessMemory[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    queue.push(...(byParent.get(pid) ?? []));
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (!/^Name:\s+workerd$/m.test(status)) continue;
      const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const role = cmdline.includes('--inspector-addr') ? 'worker runtime' : 'wrangler proxy';
      found.push({ pid, role, rssMiB: +(kib('VmRSS') / 1024).toFixed(1), peakRssMiB: +(kib('VmHWM') / 1024).toFixed(1) });
    } catch {
      // gone
    }
  }
  return found;
}
