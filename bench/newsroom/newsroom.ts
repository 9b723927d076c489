/**
 * `npm run bench -- --newsroom`: a newsroom's day on a corpus of `--articles`. The desk
 * publishes `--publishes` times through the day (bench/newsroom/day-plan.ts: stories added
 * with their real times, corrections, withdrawals, an entity renamed), into the KV a running
 * workerd serves; between publishes readers open `--requests` screens (screens.ts), every
 * answer checked against a fresh execution at its version (readers.ts), and sync clients
 * come back after a few to all of the day's publishes (sync-clients.ts). The isolate's heap
 * is read after each publish. Writes bench/results/newsroom-<time>.json and its section of
 * docs/performance-figures.md with the chart (report.ts).
 *
 *   npm run bench -- --newsroom [--articles 100000] [--publishes 120] [--requests 60] [--clients 12] [--why]
 *
 * --why asks the warm worker, before each request, what it keeps for it (bench/worker/kept-probe.ts),
 * to say why an unchanged screen was answered anew; it perturbs the serving isolate's heap figure.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { seededRandom } from '../../tools/fixtures/corpus';
import { fromKvNamespace } from '../../tools/publish/kv-writer';
import { Inspector } from '../isolate-heap';
import { cloneKvDir } from '../kv-clone';
import { loadedCorpus } from '../loaded-state';
import { bundleBenchWorker, startRuntime } from '../runtime';
import { dayPlan, type DeskKind } from './day-plan';
import { publishAction, type Published } from './desk';
import { askScreen, newTally, type ReaderTally } from './readers';
import { screenChooser } from './screens';
import { resync, type SyncClient, type SyncReturn } from './sync-clients';
import { FIGURES_DOC, NEWSROOM_CHART, spliceSection } from '../figures-doc';
import { levelOneTracker } from './level-one-growth';
import { NEWSROOM_HEADING, newsroomChart, newsroomReport, type NewsroomResults } from './report';

/** How long sync clients stay away, in publishes: minutes to the whole day on a live desk. */
const AWAY = [1, 3, 10, 30, 100, 1000];

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      newsroom: { type: 'boolean' },
      articles: { type: 'string', default: '2000' },
      publishes: { type: 'string', default: '60' },
      requests: { type: 'string', default: '40' },
      clients: { type: 'string', default: '12' },
      day: { type: 'string', default: '2026-12-07' },
      fresh: { type: 'boolean', default: false },
      // A corpus loaded under an earlier state key (inputs changed since in ways that leave the data as it was).
      'state-key': { type: 'string' },
      why: { type: 'boolean', default: false },
    },
  });
  const articles = Number(values.articles);
  const [publishes, requests, clientCount] = [Number(values.publishes), Number(values.requests), Number(values.clients)];
  const started = performance.now();
  const log = (line: string) => console.error(`[newsroom ${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
  const bundle = await bundleBenchWorker();
  const state = await loadedCorpus(bundle, articles, { fresh: values.fresh, stateKey: values['state-key'] }, log);
  // The day changes the KV: it runs on a clone of the loaded corpus beside it (blobs hard-linked), dropped at the end.
  const kvDir = mkdtempSync(join(dirname(dirname(state.kvDir)), 'newsroom-'));
  log(`cloning the loaded KV (${state.figures.keys} keys) to ${kvDir}`);
  const cloned = cloneKvDir(state.kvDir, kvDir);
  log(`  ${cloned.linked} blobs linked, ${cloned.copied} files copied`);
  log('starting the serving and the checking workerd');
  // Every request checks the pointer, so a publish is visible to the next one (production: VERSION_CHECK_SECONDS).
  const runtime = await startRuntime(bundle, kvDir, { VERSION_CHECK_SECONDS: '0' });
  // The fresh executions that check each answer run in a second workerd on the same KV, so the
  // serving isolate's heap is its own.
  const checker = await startRuntime(bundle, kvDir, { VERSION_CHECK_SECONDS: '0' }, 2);
  const inspector = await Inspector.connect(runtime.inspectorUrl);
  const loads: number[] = [];
  try {
    const kv = fromKvNamespace(await runtime.kv());
    const plan = dayPlan(publishes, articles, values.day!);
    const levelOne = levelOneTracker(kv);
    const rand = seededRandom(7);
    const byKind = new Map<DeskKind, ReaderTally>();
    const byHour = Array.from({ length: 24 }, newTally);
    const day = newTally();
    const desk: Array<Published & { kind: DeskKind; at: string }> = [];
    const returns: SyncReturn[] = [];
    const publishedAt = new Map<number, string>();
    const gone = new Set<number>();
    let heapPeak = 0;
    // Clients first sync at the day's first publish: the corpus was loaded as a whole, outside the sync log.
    let clients: SyncClient[] = [];
    for (const [i, action] of plan.entries()) {
      const done = await publishAction(kv, action, desk.filter((d) => d.kind === 'rename').length, publishedAt);
      desk.push({ ...done, kind: action.kind, at: action.at });
      if (action.kind === 'withdraw') gone.add(action.story);
      const tally = byKind.get(action.kind) ?? byKind.set(action.kind, newTally()).get(action.kind)!;
      const hour = byHour[Number(action.at.slice(11, 13))]!;
      const today = [...publishedAt.keys()].filter((s) => !gone.has(s)).reverse();
      const choose = screenChooser(rand, today, articles);
      for (let r = 0; r < requests; r++) {
        const ask = choose();
        const method = rand() < 0.5 ? 'GET' : 'POST';
        await askScreen({ serving: runtime.url, checking: checker.url, why: values.why }, ask, method, done.version, [tally, hour, day]);
      }
      if (i === 0) clients = Array.from({ length: clientCount }, (_, c) => ({ since: done.version, away: AWAY[c % AWAY.length]!, leftAt: 1 }));
      for (const [c, client] of clients.entries()) {
        if (i + 1 - client.leftAt < client.away) continue;
        const back = await resync(runtime.url, client, i + 1);
        returns.push(back);
        clients[c] = { since: back.version, away: client.away, leftAt: i + 1 };
      }
      const fold = await levelOne.observe(i + 1, done.compacted);
      if (fold) log(`level 1 after publish ${i + 1}: ${fold.entries} entries (+${fold.added}; the folded generations wrote ${fold.keysWritten} keys), ${fold.generations} generations, ${fold.bytes} bytes`);
      heapPeak = Math.max(heapPeak, (await inspector.heap()).totalMiB);
      loads.push(loadavg()[0]!);
      log(`publish ${i + 1}/${plan.length} ${action.kind} at ${action.at}: ${done.keysWritten} keys, ${done.ms.toFixed(0)} ms${done.compacted ? ' (new base)' : done.folded ? ' (folded into level 1)' : ''}; ` +
        `${tally.requests} requests of this kind so far, ${tally.wrong} wrong, ${tally.untouchedHits}/${tally.untouched} unchanged screens kept; heap peak ${heapPeak} MiB`);
    }
    const results: NewsroomResults = {
      kind: 'newsroom', startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(), articles, publishes, requestsPerPublish: requests,
      loadAverage: `${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`,
      day, byKind: Object.fromEntries(byKind), byHour, desk: desk.map(({ kind, at, keysWritten, bytesWritten, ms, compacted, folded }) => ({ kind, at, keysWritten, bytesWritten, ms: Math.round(ms), compacted, folded })),
      returns, heapPeakMiB: heapPeak, corpus: { keys: state.figures.keys, bytes: state.figures.bytes }, levelOne: levelOne.day,
    };
    mkdirSync('bench/results', { recursive: true });
    const file = `bench/results/newsroom-${results.startedAt.replace(/[:.]/g, '-')}.json`;
    writeFileSync(file, JSON.stringify(results, null, 2));
    writeFileSync(`docs/${NEWSROOM_CHART}`, newsroomChart(results));
    writeFileSync(FIGURES_DOC, spliceSection(readFileSync(FIGURES_DOC, 'utf8'), NEWSROOM_HEADING, newsroomReport(results, NEWSROOM_CHART)));
    log(`figures written to ${file}, ${FIGURES_DOC} and docs/${NEWSROOM_CHART}`);
  } finally {
    inspector.close();
    await checker.stop({ keep: true });
    await runtime.stop({ keep: false });
    rmSync(kvDir, { recursive: true, force: true });
  }
}
