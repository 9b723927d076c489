/**
 * `npm run bench:fixed-cost -- [--seconds 8] [--variants floor,text,...]`: workerd's CPU per
 * request for each micro-variant of variants-worker.ts, all POSTed the per-operation bench's
 * body for `node`, in interleaved one-second slices (the order rotates each round, so load
 * from other processes falls on every variant alike). Reports the median over rounds of each
 * variant's CPU ms per request, and its difference from `text`'s (the floor plus reading the
 * POSTed body, which every other POSTed variant does too) in the same round.
 * BENCH_PORT_BASE as for the bench.
 */
import { parseArgs } from 'node:util';
import { run } from '../child';
import { descendantsNamed, withCpu } from '../cpu-time';
import { load } from '../measure';
import { startRuntime } from '../runtime';

/** Runs `npm run bench:fixed-cost` with its command-line arguments (scripts/bench-fixed-cost.ts is the entry point). */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { seconds: { type: 'string', default: '8' }, variants: { type: 'string' } } });
  // `get` is the floor sent as the per-operation bench sends it: a GET, no body; every other is POSTed.
  const ALL = ['get', 'floor', 'bytes', 'text', 'url', 'headers-get', 'six-dict', 'six-headers', 'six-set', 'awaits'];
  const names = values.variants?.split(',') ?? ALL;
  const outdir = 'bench/.out/fixed-cost';
  await run('npx', ['wrangler', 'deploy', 'bench/fixed-cost/variants-worker.ts', '--dry-run', '--outdir', outdir]);
  const runtime = await startRuntime(`${outdir}/variants-worker.js`);
  const body = JSON.stringify({ variables: { id: 'UGVyc29uOmtpbS1qb25nLXVu' }, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  try {
    const workerd = descendantsNamed(process.pid, 'workerd');
    const perRequest: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    const rounds = Number(values.seconds);
    for (let round = 0; round <= rounds; round++) {
      const order = names.map((_, i) => names[(i + round) % names.length]!);
      for (const name of order) {
        const request = name === 'get' ? {} : { method: 'POST' as const, body };
        const { result, cpuMs } = await withCpu(workerd, () => load(`${runtime.url}/${name === 'get' ? 'floor' : name}`, { seconds: 1, connections: 10 }, request));
        if (round > 0) perRequest[name]!.push(cpuMs / Math.max(1, result.requests));
      }
    }
    const floor = perRequest.text;
    console.log('| variant | CPU ms/request (median) | minus text, same round (median) |\n|---|---|---|');
    for (const name of names) {
      const xs = perRequest[name]!;
      const diff = floor ? median(xs.map((x, i) => x - floor[i]!)) : NaN;
      console.log(`| ${name} | ${median(xs).toFixed(3)} | ${diff >= 0 ? '+' : ''}${diff.toFixed(3)} |`);
    }
  } finally {
    await runtime.stop();
  }
}
