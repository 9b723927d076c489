import { f2, int, table } from '../markdown-table';

/**
 * The report of `npm run bench -- --per-operation` (bench/per-operation/): per app operation,
 * six ways of answering it, their CPU ms per request and req/s, and the goals as ratios.
 * Pure (figures in, Markdown out), so it is tested on made-up figures beside this file and
 * rendered again from bench/results/ by `npm run docs:performance`.
 */
export const TARGETS = ['memo', 'compiled', 'graphqlJs', 'apollo', 'apolloCache', 'floor'] as const;
export type Target = (typeof TARGETS)[number];

export const LABELS: Record<Target, string> = {
  memo: 'worker, memo hit',
  compiled: 'worker, executed, compiled',
  graphqlJs: 'worker, executed, graphql-js',
  apollo: 'Apollo 4, executed',
  apolloCache: 'Apollo 4 + response cache',
  floor: 'workerd floor (memory)',
};

/** One target's figures over the run's slices (bench/measure.ts LoadFigures, and CPU). */
export interface TargetFigures {
  rps: number;
  p50: number;
  requests: number;
  failures: number;
  reordered?: number;
  cpuMsPerRequest: number;
}

/** One round's slice of one target: its req/s and CPU ms per request. */
export interface SliceFigures {
  rps: number;
  cpuMsPerRequest: number;
}

export interface OperationFigures {
  name: string;
  responseBytes: number;
  targets: Record<Target, TargetFigures>;
  /** Each counted round's slices (runs since the paired ratios; older results have none). */
  rounds?: Array<Record<Target, SliceFigures>>;
}

/** What one `npm run bench -- --per-operation` run found; written to bench/results/per-operation-*.json. */
export interface PerOperationResults {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; loadBefore: number[]; loadAfter: number[] };
  settings: { connections: number; seconds: number };
  articles: number;
  /** COMPILED_OPERATIONS: whether the worker has the compiled path, and the value the measured worker ran with. */
  compiler: { present: boolean; compiledOperations: string };
  operations: OperationFigures[];
  /** Operations of operations/*.graphql with no variables in tools/fixtures/screens.ts: not measured. */
  unmeasured: string[];
}

/**
 * The order of a round's slices: the targets a goal compares, back to back (memo and floor,
 * compiled and Apollo), so that both slices of a pair meet the same load from the rest of the
 * machine; the report takes each goal's ratio per round (ratiosOf). The pairs' order rotates from round to round and a pair's two slices swap, so no
 * target always follows the same one (a slice right after one of Apollo's leaves workerd idle
 * for two seconds first; one after graphql-js's meets its garbage).
 */
const PAIRS: Target[][] = [['memo', 'floor'], ['compiled', 'apollo'], ['graphqlJs'], ['apolloCache']];

export function roundOrder(round: number): Target[] {
  const pairs = PAIRS.map((_, i) => PAIRS[(i + round) % PAIRS.length]!);
  return pairs.flatMap((pair) => (round % 2 === 1 ? [...pair].reverse() : pair));
}

/** The goals: executing costs no more CPU than Apollo; a memo hit keeps 80% of the floor's req/s. */
export const GOALS = { executedCpuOverApollo: 1.0, memoRpsOverFloor: 0.8 };

const median = (xs: number[]): number => {
  const sorted = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * The goal ratios. With the rounds recorded, each ratio is the median over rounds of the ratio
 * of two slices of the same round, measured back to back (roundOrder): a burst of other load on the shared machine then moves one round's ratio, not the
 * figure. A run on the 2-core machine at load 5-11 had single floor slices at 0.19-2.0 ms a
 * request for one and the same answer, and slices that completed no request at all; a ratio of
 * sums over all slices carries such a slice into the figure. Older results: ratios of the sums.
 */
export function ratiosOf(op: OperationFigures) {
  const t = op.targets;
  // A slice that completed no request has no figure (NaN, written to JSON as null): the rounds
  // where either slice of a pair has none are left out of that pair's median.
  const counted = (x: SliceFigures) => typeof x.cpuMsPerRequest === 'number' && Number.isFinite(x.cpuMsPerRequest) && x.rps > 0;
  const paired = (a: Target, b: Target, pick: (x: SliceFigures) => number) =>
    median(op.rounds!.filter((r) => counted(r[a]) && counted(r[b])).map((r) => pick(r[a]) / pick(r[b])));
  if (op.rounds && op.rounds.length > 0) {
    const cpu = (x: SliceFigures) => x.cpuMsPerRequest;
    return {
      compiledCpu: paired('compiled', 'apollo', cpu),
      graphqlJsCpu: paired('graphqlJs', 'apollo', cpu),
      memoRps: paired('memo', 'floor', (x) => x.rps),
      memoCpu: paired('memo', 'floor', cpu),
    };
  }
  return {
    compiledCpu: t.compiled.cpuMsPerRequest / t.apollo.cpuMsPerRequest,
    graphqlJsCpu: t.graphqlJs.cpuMsPerRequest / t.apollo.cpuMsPerRequest,
    memoRps: t.memo.rps / t.floor.rps,
    memoCpu: t.memo.cpuMsPerRequest / t.floor.cpuMsPerRequest,
  };
}

export function perOperationReport(results: PerOperationResults, chart?: string): string {
  const { machine, settings, compiler } = results;
  const figures = results.operations.flatMap((op) =>
    TARGETS.map((t) => {
      const x = op.targets[t];
      return [op.name, LABELS[t], f2(x.cpuMsPerRequest), int(x.rps), f2(x.p50), int(x.requests), String(x.failures), int(x.reordered ?? 0)];
    }),
  );
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const ratioRows = results.operations.map((op) => {
    const r = ratiosOf(op);
    return [
      op.name,
      `${f2(r.compiledCpu)} ${verdict(r.compiledCpu <= GOALS.executedCpuOverApollo)}`,
      f2(r.graphqlJsCpu),
      `${f2(r.memoRps)} ${verdict(r.memoRps >= GOALS.memoRpsOverFloor)}`,
      f2(r.memoCpu),
    ];
  });
  const compilerNote = compiler.present
    ? `Compiled path present: "compiled" ran with COMPILED_OPERATIONS=${compiler.compiledOperations}, "graphql-js" with COMPILED_OPERATIONS=off.`
    : 'NO COMPILER in this build (src/config.ts reads no COMPILED_OPERATIONS): "compiled" and "graphql-js" are the same ' +
      'code path (graphql-js) in two warm workers; their difference is noise, not a comparison.';
  return [
    `## npm run bench -- --per-operation (${results.startedAt})`,
    `${int(results.articles)} articles; ${machine.cpus} x ${machine.cpuModel}, Node ${machine.node}; load average ` +
      `${machine.loadBefore.map(f2).join(' ')} before, ${machine.loadAfter.map(f2).join(' ')} after; autocannon ` +
      `${settings.connections} connections, ${settings.seconds} one-second slices per figure, interleaved.`,
    compilerNote,
    table(['operation', 'server', 'CPU ms/req', 'req/s', 'p50 ms', 'requests', 'errors', 'reordered'], figures),
    table(
      ['operation', `compiled CPU / Apollo CPU (goal <= ${GOALS.executedCpuOverApollo})`, 'graphql-js CPU / Apollo CPU',
        `memo req/s / floor req/s (goal >= ${GOALS.memoRpsOverFloor})`, 'memo CPU / floor CPU'],
      ratioRows,
    ),
    ...(results.operations.some((op) => op.rounds?.length)
      ? ['Ratios: the median over rounds of the ratio of two slices of one round, measured back to back (memo and floor, compiled and Apollo); the first table holds the sums over all slices.']
      : []),
    'Every answer is checked against Apollo\'s: "errors" counts failed requests and answers holding other values; ' +
      '"reordered" answers hold the same values with object keys in another order. CPU is the serving process\'s ' +
      '(workerd, or the peer\'s Node), so it includes HTTP handling on both sides.' +
      (results.unmeasured.length > 0 ? ` Not measured (not in SCREENS or MORE_SCREENS of tools/fixtures/screens.ts; a streamed @defer answer is neither memoized nor compiled): ${results.unmeasured.join(', ')}.` : ''),
    ...(chart ? [`![CPU ms per request and req/s per operation](${chart})`] : []),
  ].join('\n\n');
}
