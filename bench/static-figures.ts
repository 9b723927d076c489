import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { run } from './child';
import { OUT_DIR } from './runtime';

/**
 * The figures that do not depend on the corpus: the production bundle's size as
 * `wrangler deploy --dry-run` reports it (wrangler.toml has minify = true), and start-up time
 * from `wrangler check startup`, which profiles the worker's top-level evaluation in workerd
 * and writes a .cpuprofile (it prints no number). Start-up is the profile's CPU time: the sum
 * of its sample intervals less idle ones, the median of three runs.
 */
export interface StaticFigures {
  bundleKiB: number;
  bundleGzipKiB: number;
  startupMs: number;
  startupRunsMs: number[];
}

export async function bundleSize(): Promise<{ bundleKiB: number; bundleGzipKiB: number }> {
  const { stdout, stderr } = await run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', 'dist']);
  const match = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(stdout + stderr);
  if (!match) throw new Error(`no bundle size in wrangler's output:\n${stdout}${stderr}`);
  return { bundleKiB: Number(match[1]), bundleGzipKiB: Number(match[2]) };
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string } }>;
  samples: number[];
  timeDeltas: number[];
}

/** CPU time in a profile, in ms: sample intervals attributed to anything but (idle). */
export function busyMs(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let micros = 0;
  profile.samples.forEach((id, i) => {
    if (!idle.has(id)) micros += profile.timeDeltas[i] ?? 0;
  });
  return micros / 1000;
}

export async function startupTime(runs = 3): Promise<{ startupMs: number; startupRunsMs: number[] }> {
  mkdirSync(OUT_DIR, { recursive: true });
  const outfile = `${OUT_DIR}/worker-startup.cpuprofile`;
  const times: number[] = [];
  for (let i = 0; times.length < runs && i < 2 * runs; i++) {
    await run('npx', ['wrangler', 'check', 'startup', '--outfile', outfile]);
    const ms = busyMs(JSON.parse(readFileSync(outfile, 'utf8')) as CpuProfile);
    // A profile with no busy sample means the profiler missed the start-up; run again.
    if (ms > 0) times.push(ms);
  }
  rmSync(outfile, { force: true });
  const sorted = [...times].sort((a, b) => a - b);
  return { startupMs: sorted[Math.floor(sorted.length / 2)]!, startupRunsMs: times };
}

export async function staticFigures(): Promise<StaticFigures> {
  return { ...(await bundleSize()), ...(await startupTime()) };
}
