import { MAX_CHAIN_KEYS, MAX_DELTA_GENERATIONS } from '../src/model/generations';
import { LEVEL1_SHARE, MAX_LEVEL1_GENERATIONS } from '../src/model/level-one';

/** The part of `npm run bench`'s results (bench/report.ts BenchResults) the model reads. */
interface SizeFigures {
  articles: number;
  keys: number;
  bytes: number;
  largestValue?: { key: string; bytes: number };
  buildMs?: number;
  buildMaxRssMb?: number;
  maxRssMb?: number;
  operations: Array<{ name: string; kvCold: { keys: number }; kvWarm: { keys: number } }>;
  peer?: Array<{ name: string; targets: Record<'executed' | 'memo', { cpuMsPerRequest: number }> }>;
}
export interface BenchResults {
  sizes: SizeFigures[];
}
/** The part of a per-operation run (bench/per-operation/report.ts) the model reads: apps send persisted operations. */
export interface PerOperationCpu {
  articles: number;
  operations: Array<{ name: string; targets: Record<'compiled' | 'memo', { cpuMsPerRequest: number }> }>;
}

/**
 * Internet scale on paper (docs/performance.md, "Internet scale"): reads, writes and storage a
 * day at 1,000,000 articles, 1,000 publishes a day and 5,000 reads a second, and what they cost
 * on Workers KV, Workers and the Cache API. Every per-request and per-version figure comes
 * from the bench's own results (bench/results/); what no single machine can measure (the
 * share of requests the edge cache answers, the operation mix) is a stated assumption, shown
 * as scenarios. Nothing here is pasted: `npm run docs:performance` renders it
 * (bench/figures-doc.ts).
 */
export const SCENARIO = {
  articles: 1_000_000,
  publishesPerDay: 1_000,
  readsPerSecond: 5_000,
  keptVersions: 3,
  /** Assumed share of each app operation in the traffic. */
  mix: { 'article-page': 0.5, 'latest-articles': 0.2, 'person-page': 0.1, 'event-page': 0.05, search: 0.1, 'type-ahead': 0.05 } as Record<string, number>,
  /** Shares of requests the edge cache (Cache API) answers: assumed, shown side by side. */
  edgeHitRatios: [0, 0.5, 0.9],
};

/** List prices on the Workers Paid plan (USD), before the monthly inclusions; Cache API: no charge. */
export const PRICES = { kvReadPerM: 0.5, kvWritePerM: 5, kvDeletePerM: 5, kvStoragePerGbMonth: 0.5, requestPerM: 0.3, cpuMsPerM: 0.02 };
/** Platform limits that bound the design (Workers KV and Workers limits pages). */
export const LIMITS = { kvValueBytes: 25 * 2 ** 20, kvBulkKeys: 10_000, apiRequestsPer5Min: 1_200, isolateMemoryMb: 128 };

const DAY_S = 86_400;
const money = (n: number) => `$${n < 10 ? n.toFixed(2) : Math.round(n).toLocaleString('en')}`;
const int = (n: number) => Math.round(n).toLocaleString('en');
const per = (n: number, size: { articles: number }) => (n / size.articles) * SCENARIO.articles;

/** What `npm run bench:build` writes to bench/results/build-*.json. */
export type BuildFigures = Partial<SizeFigures> & {
  articles: number;
  keys: number;
  bytes: number;
  /** User and system CPU of the whole run (build and output): the machine is shared, wall time is not the build's own. */
  cpuS?: number;
  /** The 1-minute load average at the end of the run. */
  loadAverage?: number;
  /** The commit built with. */
  commit?: string;
};

/** The per-version figures at the scenario's size: measured there, else scaled from the largest size measured. */
function versionAtScale(results: BenchResults, builds: BuildFigures[]) {
  const all = [...builds, ...results.sizes];
  const measured = all.find((s) => s.articles >= SCENARIO.articles);
  if (measured) return { keys: measured.keys, bytes: measured.bytes, largest: measured.largestValue, how: `measured at ${int(measured.articles)} articles` };
  const size = all.reduce((a, b) => (b.articles > a.articles ? b : a));
  const largest = size.largestValue && { key: size.largestValue.key, bytes: per(size.largestValue.bytes, size) };
  return { keys: per(size.keys, size), bytes: per(size.bytes, size), largest, how: `scaled linearly from ${int(size.articles)} articles` };
}

export function scaleSection(results: BenchResults, builds: BuildFigures[] = [], publish?: PublishOneFigures, perOperation?: PerOperationCpu): string {
  const size = results.sizes.at(-1)!;
  const version = versionAtScale(results, builds);
  const requests = SCENARIO.readsPerSecond * DAY_S;
  const ops = size.operations.filter((o) => SCENARIO.mix[o.name] !== undefined);
  const weighted = (pick: (o: (typeof ops)[number]) => number) => ops.reduce((n, o) => n + SCENARIO.mix[o.name]! * pick(o), 0);
  const keysCold = weighted((o) => o.kvCold.keys);
  const keysWarm = weighted((o) => o.kvWarm.keys);
  // CPU as apps spend it: persisted operations on the compiled path, from a per-operation run
  // when there is one; else the size run's peer figures (operation text, yoga's executor).
  const inMix = perOperation?.operations.filter((o) => SCENARIO.mix[o.name] !== undefined);
  const persisted = inMix && inMix.length === Object.keys(SCENARIO.mix).length ? inMix : undefined;
  const peer = size.peer?.filter((p) => SCENARIO.mix[p.name] !== undefined);
  const cpu = (target: 'executed' | 'memo') =>
    persisted
      ? persisted.reduce((n, o) => n + SCENARIO.mix[o.name]! * o.targets[target === 'executed' ? 'compiled' : 'memo'].cpuMsPerRequest, 0)
      : peer
        ? peer.reduce((n, p) => n + SCENARIO.mix[p.name]! * p.targets[target].cpuMsPerRequest, 0)
        : NaN;
  const cpuSource = persisted
    ? `persisted operations on the compiled path, from the per-operation run at ${int(perOperation!.articles)} articles`
    : 'operation text through yoga, from the size run';

  const rows = SCENARIO.edgeHitRatios.map((hit) => {
    const misses = requests * (1 - hit);
    const [readsLow, readsHigh] = [misses * keysWarm, misses * keysCold];
    const cpuMs = misses * cpu('executed') + (requests - misses) * cpu('memo');
    const day = (readsHigh * PRICES.kvReadPerM + requests * PRICES.requestPerM + (Number.isFinite(cpuMs) ? cpuMs : 0) * PRICES.cpuMsPerM) / 1e6;
    return [`${Math.round(hit * 100)}%`, `${int(readsLow)} - ${int(readsHigh)}`, money((readsHigh * PRICES.kvReadPerM) / 1e6), int(requests),
      Number.isFinite(cpuMs) ? int(cpuMs) : 'n/a', money(day), money(day * 30)];
  });
  const largest = version.largest;
  const largestLine = largest
    ? `largest value ${(largest.bytes / 2 ** 20).toFixed(1)} MiB (${largest.key.replace(/^v:[^:]+:/, '')}) of the ${LIMITS.kvValueBytes / 2 ** 20} MiB KV allows: ` +
      `${(LIMITS.kvValueBytes / largest.bytes).toFixed(1)}x headroom, so about ${int((SCENARIO.articles * LIMITS.kvValueBytes) / largest.bytes)} articles before it breaks`
    : 'largest value: not in these results (run `npm run bench` again)';
  return [
    `### Internet scale: ${int(SCENARIO.articles)} articles, ${int(SCENARIO.publishesPerDay)} publishes a day, ${int(SCENARIO.readsPerSecond)} reads a second`,
    `Per version (${version.how}): ${int(version.keys)} keys, ${(version.bytes / 1e9).toFixed(2)} GB; ${largestLine}. ` +
      `Per request at ${int(size.articles)} articles, weighted by the assumed mix (${Object.entries(SCENARIO.mix).map(([k, v]) => `${k} ${v * 100}%`).join(', ')}): ` +
      `${keysCold.toFixed(1)} KV keys read by a cold isolate, ${keysWarm.toFixed(1)} by a warm one` +
      (Number.isFinite(cpu('executed'))
        ? `; CPU ${cpu('executed').toFixed(2)} ms executed, ${cpu('memo').toFixed(2)} ms from the response memo (workerd on the bench machine; ${cpuSource}).`
        : '; CPU not measured (run the bench with the peer).'),
    '| edge cache hits (assumed) | KV reads a day (warm - cold isolates) | KV reads $ a day (cold) | Worker requests a day | CPU ms a day | reads $ a day (KV + Workers) | a month |\n|---|---|---|---|---|---|---|\n' +
      rows.map((r) => `| ${r.join(' | ')} |`).join('\n'),
    publishingTable(version, publishCost(publish)),
  ].join('\n\n');
}

/** What `npm run bench -- --publish-one` wrote (bench/publish-one-report.ts), as far as the model reads it. */
export interface PublishOneFigures {
  sizes: Array<{ articles: number } & Partial<Record<'add' | 'correct', { keysWritten: number; bytesWritten: number }>>>;
}

/**
 * One publish at the largest size measured: the costlier of adding and correcting a story (the
 * two things a newsroom does all day), or null when `--publish-one` has not been run.
 */
export function publishCost(publish: PublishOneFigures | undefined) {
  const size = publish?.sizes.reduce((a, b) => (b.articles > a.articles ? b : a));
  const changes = [size?.add, size?.correct].filter((c) => c !== undefined);
  if (!size || changes.length === 0) return null;
  const worst = changes.reduce((a, b) => (b.keysWritten > a.keysWritten ? b : a));
  return { articles: size.articles, keys: worst.keysWritten, bytes: worst.bytesWritten };
}

/**
 * Publishing as built (docs/publishing.md, docs/incremental-build.md "Level 1"): each publish
 * writes a delta generation; when the chain reaches MAX_DELTA_GENERATIONS generations or
 * MAX_CHAIN_KEYS keys it is folded into level 1 (one key more); a fold that would leave level 1
 * holding more than LEVEL1_SHARE of the base's keys (or naming more than MAX_LEVEL1_GENERATIONS
 * generations) writes a new base instead. Level 1 grows by the keys each publish writes that it
 * did not hold: counted here as every key the delta writes (an upper bound: list heads and
 * search tables are written again and again), so bases come no more often than this says.
 * Garbage collection later deletes about as many keys as were written.
 */
export function publishingRule(versionKeys: number, deltaKeys: number, perDay = SCENARIO.publishesPerDay) {
  const chainLength = Math.max(1, Math.min(MAX_DELTA_GENERATIONS, Math.floor(MAX_CHAIN_KEYS / deltaKeys)));
  // Folds a base cycle holds before level 1 passes its share, or names too many generations.
  const folds = Math.max(0, Math.min(Math.floor((LEVEL1_SHARE * versionKeys) / (chainLength * deltaKeys)), Math.floor(MAX_LEVEL1_GENERATIONS / chainLength) - 1));
  const cycle = (folds + 1) * chainLength;
  const bases = perDay / cycle;
  const deltaWrites = deltaKeys * perDay;
  const foldWrites = (perDay / cycle) * folds;
  const baseWrites = versionKeys * bases;
  // The rule before level 1: a new base at every chain bound.
  const chainOnly = deltaWrites + versionKeys * (perDay / chainLength);
  return { chainLength, folds, cycle, bases, deltaWrites, foldWrites, baseWrites, writes: deltaWrites + foldWrites + baseWrites, chainOnly, levelOneEntries: folds * chainLength * deltaKeys };
}

export function publishingTable(version: { keys: number; bytes: number }, delta: ReturnType<typeof publishCost>): string {
  const perDay = SCENARIO.publishesPerDay;
  if (!delta) return 'Publishing: not in these results (run `npm run bench -- --publish-one --sizes 100000`).';
  const rule = publishingRule(version.keys, delta.keys);
  const { chainLength, cycle, bases, deltaWrites, foldWrites, baseWrites, writes } = rule;
  const levelOneBytes = (rule.levelOneEntries / version.keys) * version.bytes;
  const storedGb = (2 * version.bytes + levelOneBytes + chainLength * delta.bytes) / 1e9;
  const bulkRequests = (perDay + bases * Math.ceil(version.keys / LIMITS.kvBulkKeys)) * 2; // writes, then deletes
  const apiBudget = (LIMITS.apiRequestsPer5Min * DAY_S) / 300;
  const dollars = (n: number, price: number) => money((n * price) / 1e6);
  // Each entry of the index is a 4-byte hash and a 2-byte generation, stored as base64.
  const indexMb = (rule.levelOneEntries * 8) / 1e6;
  return [
    `| publishing, as built (a delta per publish, the chain folded into level 1 every ${chainLength}, a new base every ${int(cycle)} publishes) | a day | $ a day | $ a month |\n|---|---|---|---|`,
    `| KV writes of deltas (${int(delta.keys)} keys a publish, measured at ${int(delta.articles)} articles) | ${int(deltaWrites)} | ${dollars(deltaWrites, PRICES.kvWritePerM)} | ${dollars(deltaWrites * 30, PRICES.kvWritePerM)} |`,
    `| KV writes of level-1 indexes (one a fold) | ${int(foldWrites)} | ${dollars(foldWrites, PRICES.kvWritePerM)} | ${dollars(foldWrites * 30, PRICES.kvWritePerM)} |`,
    `| KV writes of new bases (${int(version.keys)} keys, ${bases.toFixed(2)} a day) | ${int(baseWrites)} | ${dollars(baseWrites, PRICES.kvWritePerM)} | ${dollars(baseWrites * 30, PRICES.kvWritePerM)} |`,
    `| KV deletes (what no kept version reaches) | ${int(writes)} | ${dollars(writes, PRICES.kvDeletePerM)} | ${dollars(writes * 30, PRICES.kvDeletePerM)} |`,
    `| bulk API requests (${LIMITS.kvBulkKeys.toLocaleString('en')} keys each) | ${int(bulkRequests)} (${Math.round((bulkRequests / apiBudget) * 100)}% of the API's ${int(apiBudget)}) | | |`,
    `| KV storage (two bases, level 1 and a chain) | ${storedGb.toFixed(1)} GB | | ${money(storedGb * PRICES.kvStoragePerGbMonth)} |`,
    '',
    `KV writes a day are ${(writes / deltaWrites).toFixed(1)} times the deltas' own (with a new base at every chain bound they were ${Math.round(rule.chainOnly / deltaWrites)} times). ` +
      `Level 1 holds at most ${int(rule.levelOneEntries)} keys (${Math.round(LEVEL1_SHARE * 100)}% of the base, every key a delta writes counted as new to it): ` +
      `an index of ${indexMb.toFixed(1)} MB at its largest, which each isolate reads once per fold.`,
  ].join('\n');
}

/** `npm run bench:build` runs: the full build alone, newest last for each size. */
export function buildsTable(builds: BuildFigures[]): string {
  const rows = builds.map((b) => [int(b.articles), b.commit ?? '', ((b.buildMs ?? 0) / 1000).toFixed(1), b.cpuS === undefined ? '' : b.cpuS.toFixed(0),
    b.loadAverage === undefined ? '' : b.loadAverage.toFixed(1), int(b.buildMaxRssMb ?? 0), int(b.maxRssMb ?? 0), int(b.keys), (b.bytes / 1e9).toFixed(2),
    b.largestValue ? `${(b.largestValue.bytes / 2 ** 20).toFixed(2)} MiB` : ''].join(' | '));
  return '## npm run bench:build\n\n| articles | commit | build s (wall) | CPU s, build and output | load average at the end | peak RSS at end of build, MB | peak RSS with output, MB | keys | GB | largest value |\n|---|---|---|---|---|---|---|---|---|---|\n' +
    rows.map((r) => `| ${r} |`).join('\n');
}
