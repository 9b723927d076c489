/**
 * CPU time of processes, from Linux's /proc/<pid>/stat: utime + stime (fields 14 and 15, in
 * clock ticks, 100 a second here) summed over all the process's threads. Read before and after
 * a load slice, it gives a server's CPU ms per request: what Workers bill and what queues
 * requests, and less noisy than latency on a shared machine.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { children } from './process-memory';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU ms the process has used so far; 0 when it has ended. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields counted from 3 (state) after the command name: utime is 14, stime 15.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Every descendant of `root` whose command is `name` (e.g. the workerd Miniflare starts). */
export function descendantsNamed(root: number, name: string): number[] {
  const byParent = children();
  const descend = (pid: number): number[] => (byParent.get(pid) ?? []).flatMap((child) => [child, ...descend(child)]);
  return descend(root).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
    } catch {
      return false; // ended while we looked
    }
  });
}

/** Runs `work` and returns its result with the CPU ms the processes used meanwhile. */
export async function withCpu<T>(pids: number[], work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const total = () => pids.reduce((n, pid) => n + cpuMs(pid), 0);
  const before = total();
  const result = await work();
  return { result, cpuMs: total() - before };
}
