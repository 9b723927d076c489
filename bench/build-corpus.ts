/**
 * The full build alone, at any size, without loading KV (loading a million keys into local KV
 * takes far longer than building them): the seed data plus N generated articles through the
 * streamed build step, every entry built and serialized once as `npm run data:build` does,
 * hashed instead of written. Prints one JSON line: build and output time, peak RSS, keys,
 * bytes, the largest value, version and a digest of every key and stored value (to compare two
 * builders), and writes it to bench/results/build-<articles>-<time>.json.
 *
 *   npm run bench:build -- --articles 1000000
 *
 * Articles are read one at a time and spilled (tools/compile/build-data-streamed.ts): peak RSS
 * grows with the cards kept in memory, about 1 KB an article, not with the corpus's text.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildDataSetStreamed } from '../tools/compile/build-data-streamed';
import { storedText } from '../tools/compile/kv-entry';
import { listSourceFiles } from '../tools/data/source-files';
import { lazyCorpus } from '../tools/fixtures/corpus';

/** Runs `npm run bench:build` with its command-line arguments (scripts/bench-build.ts is the entry point). */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args, options: { articles: { type: 'string', default: '100000' } } });
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  // The commit whose code runs: read now, before a long build during which HEAD may move.
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const progress = (line: string) => console.error(`[${elapsed()}] ${line}`);
  progress(`generating ${values.articles} article(s)`);
  const result = await buildDataSetStreamed([...listSourceFiles('data'), ...lazyCorpus(Number(values.articles))], {
    builtAt: '2026-01-01T00:00:00.000Z',
    hash: async (text) => sha256(text),
    progress,
  });
  if (!result.ok) throw new Error(`the generated corpus is invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const buildMs = performance.now() - started;
  const buildMaxRssMb = process.resourceUsage().maxRSS / 1024;
  const digest = createHash('sha256');
  const largest = { key: '', bytes: 0 };
  progress(`serializing and hashing ${result.data.summary.keys} entries`);
  let serialized = 0;
  for (const e of result.data.entries) {
    if (++serialized % 100_000 === 0) progress(`${serialized} of ${result.data.summary.keys} entries`);
    const value = storedText(e);
    digest.update(`${e.key}\t${value}\n`);
    if (Buffer.byteLength(value) > largest.bytes) Object.assign(largest, { key: e.key.replace(`v:${result.data.version}:`, ''), bytes: Buffer.byteLength(value) });
  }
  digest.update(JSON.stringify(result.data.pointer));
  result.data.dispose();
  const { summary, version } = result.data;
  const cpu = process.cpuUsage();
  const figures = JSON.stringify({
    articles: summary.articles, keys: summary.keys, bytes: summary.bytes, version, digest: digest.digest('hex'),
    buildMs, totalMs: performance.now() - started, buildMaxRssMb, maxRssMb: process.resourceUsage().maxRSS / 1024, largestValue: largest,
    // The machine is shared: CPU time is the build's own, wall time is not (load average beside it).
    cpuS: (cpu.user + cpu.system) / 1e6, loadAverage: loadavg()[0], commit,
  });
  console.log(figures);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/build-${summary.articles}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, figures);
}
