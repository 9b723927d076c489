import { DAY_S, int, LIMITS, money, PRICES, SCENARIO } from './scale-scenario';
import { publishCost, publishingTable, type LevelOneGrowth, type PublishOneFigures } from './scale-publishing';

export { LIMITS, PRICES, SCENARIO } from './scale-scenario';
export { publishCost, publishingRule, publishingTable, type LevelOneGrowth, type PublishOneFigures } from './scale-publishing';

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

/**
 * Internet scale on paper (docs/performance.md, "Internet scale"): reads, writes and storage a
 * day in the SCENARIO, and what they cost on Workers KV, Workers and the Cache API. Every
 * per-request and per-version figure comes from the bench's own results (bench/results/);
 * level 1's growth from a newsroom's day when there is one. Nothing here is pasted: `npm run
 * docs:performance` renders it (bench/figures-doc.ts).
 */
export function scaleSection(results: BenchResults, builds: BuildFigures[] = [], publish?: PublishOneFigures, perOperation?: PerOperationCpu, growth?: LevelOneGrowth): string {
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
    publishingTable(version, publishCost(publish), growth),
  ].join('\n\n');
}

/** `npm run bench:build` runs: the full build alone, newest last for each size. */
export function buildsTable(builds: BuildFigures[]): string {
  const rows = builds.map((b) => [int(b.articles), b.commit ?? '', ((b.buildMs ?? 0) / 1000).toFixed(1), b.cpuS === undefined ? '' : b.cpuS.toFixed(0),
    b.loadAverage === undefined ? '' : b.loadAverage.toFixed(1), int(b.buildMaxRssMb ?? 0), int(b.maxRssMb ?? 0), int(b.keys), (b.bytes / 1e9).toFixed(2),
    b.largestValue ? `${(b.largestValue.bytes / 2 ** 20).toFixed(2)} MiB` : ''].join(' | '));
  return '## npm run bench:build\n\n| articles | commit | build s (wall) | CPU s, build and output | load average at the end | peak RSS at end of build, MB | peak RSS with output, MB | keys | GB | largest value |\n|---|---|---|---|---|---|---|---|---|---|\n' +
    rows.map((r) => `| ${r} |`).join('\n');
}
