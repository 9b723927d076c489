/**
 * `npm run bench -- --newsroom --sync`: sync clients away for a live desk's whole day. The desk
 * publishes `--publishes` (1,000) deltas through the day (bench/newsroom/day-plan.ts: stories
 * added at their real times, corrections, withdrawals, renames) after two publishes eight days
 * before it, each step of the sync log dated by the day's clock and compacted into its aligned
 * blocks as publishing does (src/model/sync-log.ts). Then clients come back to the last version
 * from 1, 30, 300 and 1,000 publishes before it, and from eight days before; each catches up
 * with the shipped Changes operation (sync-clients.ts). No readers: the newsroom's day without
 * `--sync` checks answers. The published day is kept (bench/.state/) for the next measurement.
 *
 *   npm run bench -- --newsroom --sync [--articles 2000] [--publishes 1000] [--keep-publishes 500]
 *
 * The clean-up keeps every step of the last 7 days and of the last 2,000 publishes; a day of
 * 1,000 never reaches the second bound, so this run lowers it (`--keep-publishes`) to let the
 * 7 days decide, as they do for a desk publishing 1,000 a day over 8 days (8,000 publishes).
 * The data's own compaction folds the chain into level 1 as built, but level 1 may grow to
 * LEVEL1_SHARE_HERE of the base instead of a quarter: on a small corpus a new base (every key
 * rewritten through Miniflare's proxy, minutes each) would come every 60 publishes or so, and
 * what it costs is the newsroom day's and the scale model's figure, not a sync client's.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fromKvNamespace } from '../../tools/publish/kv-writer';
import { FIGURES_DOC, spliceSection } from '../figures-doc';
import { loadedCorpus } from '../loaded-state';
import { bundleBenchWorker, startRuntime } from '../runtime';
import { dayPlan, type DeskAction } from './day-plan';
import { publishAction } from './desk';
import { deskKv } from './desk-kv';
import { SYNC_DAY_HEADING, syncDayReport, type SyncDayResults } from './sync-day-report';
import { syncReturn } from './sync-clients';

/** Publishes back from the day's last version that clients return from. */
const AWAY = [1, 30, 300, 1000];
const DAY_MS = 86_400_000;
/** Level 1's share of the base before a new base is written, in this run (LEVEL1_SHARE is a quarter). */
const LEVEL1_SHARE_HERE = 8;

interface PublishedDay {
  /** versions[i]: the version after the i-th publish (0 and 1 are the week-old ones). */
  versions: string[];
  publishMs: number[];
  keys: number[];
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: false,
    options: {
      articles: { type: 'string', default: '2000' },
      publishes: { type: 'string', default: '1000' },
      'keep-publishes': { type: 'string', default: '500' },
      day: { type: 'string', default: '2026-12-07' },
      /** A git revision: also measure the Changes operation as it was there (before and after a change). */
      before: { type: 'string' },
    },
  });
  const [articles, publishes, keepPublishes] = [Number(values.articles), Number(values.publishes), Number(values['keep-publishes'])];
  const day = String(values.day);
  const started = performance.now();
  const log = (line: string) => console.error(`[sync day ${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
  const bundle = await bundleBenchWorker();
  const dir = `bench/.state/sync-day-${articles}-${publishes}-${keepPublishes}-${day}`;
  if (!existsSync(`${dir}/day.json`)) {
    const state = await loadedCorpus(bundle, articles, {}, log);
    rmSync(dir, { recursive: true, force: true });
    cpSync(state.kvDir, `${dir}/kv`, { recursive: true });
    const runtime = await startRuntime(bundle, `${dir}/kv`);
    try {
      const published = await publishDay(deskKv(fromKvNamespace(await runtime.kv())), dayPlan(publishes, articles, day), day, keepPublishes, log);
      writeFileSync(`${dir}/day.json`, JSON.stringify(published));
    } finally {
      await runtime.stop({ keep: true });
    }
  } else log(`the day's ${publishes} publishes were published by an earlier run (${dir})`);
  const published = JSON.parse(readFileSync(`${dir}/day.json`, 'utf8')) as PublishedDay;
  const before = typeof values.before === 'string' ? execFileSync('git', ['show', `${values.before}:operations/changes.graphql`], { encoding: 'utf8' }) : undefined;
  const runtime = await startRuntime(bundle, `${dir}/kv`, { VERSION_CHECK_SECONDS: '0' });
  try {
    const last = published.versions.length - 1;
    const returns = [];
    for (const away of AWAY.filter((a) => a <= last - 1)) returns.push({ away: String(away), ...(await syncReturn(runtime.url, published.versions[last - away]!, before)) });
    returns.push({ away: '8 days', ...(await syncReturn(runtime.url, published.versions[0]!, before)) });
    for (const r of returns) log(`away ${r.away}: ${r.changes} changes, ${r.requests} requests, ${r.bytes} bytes vs ${r.recordBytes}${r.refresh ? ', told to refresh' : ''}`);
    const results: SyncDayResults = {
      kind: 'sync-day', startedAt: new Date().toISOString(), articles, publishes, keepPublishes, loadAverage: loadavg()[0]!.toFixed(1),
      publishMs: published.publishMs, keys: published.keys, returns, ...(typeof values.before === 'string' && { before: values.before }),
    };
    mkdirSync('bench/results', { recursive: true });
    const file = `bench/results/sync-day-${results.startedAt.replace(/[:.]/g, '-')}.json`;
    writeFileSync(file, JSON.stringify(results, null, 2));
    writeFileSync(FIGURES_DOC, spliceSection(readFileSync(FIGURES_DOC, 'utf8'), SYNC_DAY_HEADING, syncDayReport(results)));
    log(`figures written to ${file} and ${FIGURES_DOC}`);
  } finally {
    await runtime.stop({ keep: true });
  }
}

/** Two publishes eight days before `day` (the log starts at the first), then the day's plan, each dated by its own time. */
async function publishDay(kv: ReturnType<typeof deskKv>, plan: DeskAction[], day: string, keepPublishes: number, log: (line: string) => void): Promise<PublishedDay> {
  const weekAgo = Date.parse(`${day}T00:00:00Z`) - 8 * DAY_MS;
  const before: DeskAction[] = [0, 1].map((i) => ({ at: new Date(weekAgo + i * 60_000).toISOString().replace('.000Z', 'Z'), kind: 'correct', story: 1 + i }));
  const all = [...before, ...plan];
  const out: PublishedDay = { versions: [], publishMs: [], keys: [] };
  const publishedAt = new Map<number, string>();
  let renames = 0;
  for (const [i, action] of all.entries()) {
    const done = await publishAction(kv, action, renames, publishedAt, { sync: { now: Date.parse(action.at), keepPublishes }, levelOneShare: LEVEL1_SHARE_HERE });
    if (action.kind === 'rename') renames += 1;
    out.versions.push(done.version);
    out.publishMs.push(Math.round(done.ms));
    out.keys.push(done.keysWritten);
    if (i % 25 === 0 || i === all.length - 1) log(`publish ${i + 1}/${all.length} ${action.kind} at ${action.at}: ${done.keysWritten} keys, ${done.ms.toFixed(0)} ms; KV calls so far ${kv.counts().kvCalls}, keys answered by the desk's cache ${kv.counts().cachedKeys}`);
  }
  return out;
}
