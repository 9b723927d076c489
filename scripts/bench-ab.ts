/**
 * Two builds of the worker, per operation, in one interleaved run (bench/per-operation/ab.ts):
 *
 *   npm run bench:ab -- --a <checkout> [--b .] [--seconds 5] [--connections 10] [--operations a,b]
 *
 * In each checkout run `npm run bench -- --per-operation --sizes 1000 --seconds 1` first: it
 * builds the bench bundle and loads the 1,000-article corpus that this run reads.
 * Writes bench/results/ab-<time>.json, .md and .svg.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_OPERATIONS } from '../bench/operations';
import { runAb, type Side } from '../bench/per-operation/ab';
import { abChart, abReport, type AbResults } from '../bench/per-operation/ab-report';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: '.' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    operations: { type: 'string' },
  },
});
if (!values.a) throw new Error('--a <checkout>: the build to compare against (B is --b, this checkout by default)');

/**
 * A checkout's bench bundle (copied under this checkout's bench/.out/: workerd loads modules
 * only below its starting directory) and its newest loaded 1,000-article KV state.
 */
function sideOf(dir: string, name: string): Side {
  const built = join(dir, 'bench/.out/worker/floor-worker.js');
  const states = join(dir, 'bench/.state');
  const state = existsSync(states)
    ? readdirSync(states).filter((d) => d.startsWith('1000-') && existsSync(join(states, d, 'figures.json'))).sort((x, y) => statSync(join(states, y)).mtimeMs - statSync(join(states, x)).mtimeMs)[0]
    : undefined;
  if (!existsSync(built) || !state) throw new Error(`${dir}: no bench bundle or 1,000-article KV state; run npm run bench -- --per-operation --sizes 1000 --seconds 1 there first`);
  const bundle = `bench/.out/ab-${name}/floor-worker.js`;
  mkdirSync(`bench/.out/ab-${name}`, { recursive: true });
  copyFileSync(built, bundle);
  return { dir, bundle, kvDir: join(states, state, 'kv') };
}

const commitOf = (dir: string) => execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const log = (message: string) => console.error(`[bench:ab ${new Date().toISOString().slice(11, 19)}] ${message}`);
const names = values.operations?.split(',');
const operations = names ? ALL_OPERATIONS.filter((o) => names.includes(o.name)) : ALL_OPERATIONS;
const [dirA, dirB] = [resolve(values.a), resolve(values.b)];
const startedAt = new Date().toISOString();
const loadBefore = loadavg();
const figures = await runAb({ a: sideOf(dirA, 'a'), b: sideOf(dirB, 'b') }, operations, { seconds: Number(values.seconds), connections: Number(values.connections) }, log);
const results: AbResults = {
  startedAt,
  machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg() },
  a: { dir: dirA, commit: commitOf(dirA) },
  b: { dir: dirB, commit: commitOf(dirB) },
  seconds: Number(values.seconds),
  operations: figures,
};
mkdirSync('bench/results', { recursive: true });
const base = `bench/results/ab-${startedAt.replace(/[:.]/g, '-')}`;
writeFileSync(`${base}.json`, JSON.stringify(results, null, 2));
writeFileSync(`${base}.svg`, abChart(results));
const report = abReport(results, `${base.slice('bench/results/'.length)}.svg`);
writeFileSync(`${base}.md`, `${report}\n`);
console.log(report);
