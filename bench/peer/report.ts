import { table } from '../markdown-table';
import { PEER_TARGETS, type PeerOperationFigures, type PeerTarget, type TargetFigures } from './compare';

/** The peer comparison as tables: absolute figures, then the worker as ratios to Apollo. */
const LABELS: Record<PeerTarget, string> = {
  memo: 'worker, memo hit',
  executed: 'worker, executed',
  floor: 'workerd floor (memory)',
  apolloCache: 'Apollo 4 + response cache',
  apollo: 'Apollo 4, executed',
};

const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const int = (n: number) => Math.round(n).toLocaleString('en');

/** p50, throughput and CPU of `a` over `b`: below 1, 1 and below 1 mean `a` is better. */
export function ratios(a: TargetFigures, b: TargetFigures) {
  return { p50: a.p50 / b.p50, rps: a.rps / b.rps, cpu: a.cpuMsPerRequest / b.cpuMsPerRequest };
}

export function peerTables(articles: number, ops: PeerOperationFigures[]): string {
  const figures = ops.flatMap((op) =>
    PEER_TARGETS.map((t) => {
      const x = op.targets[t];
      return [op.name, LABELS[t], f2(x.p50), int(x.rps), f2(x.cpuMsPerRequest), int(x.requests), String(x.failures), int(x.reordered ?? 0)];
    }),
  );
  const ratioRows = ops.flatMap((op) => {
    const { memo, executed, apollo, apolloCache, floor } = op.targets;
    const row = (label: string, r: ReturnType<typeof ratios>) => [op.name, label, f2(r.p50), f2(r.rps), f2(r.cpu)];
    return [
      row('executed / Apollo executed', ratios(executed, apollo)),
      row('memo hit / Apollo + cache', ratios(memo, apolloCache)),
      row('memo hit / workerd floor', ratios(memo, floor)),
    ];
  });
  return [
    `### ${int(articles)} articles: the worker and Apollo Server 4 on Node (same schema, operations, documents)`,
    table(['operation', 'server', 'p50 ms', 'req/s', 'CPU ms/req', 'requests', 'errors', 'reordered'], figures),
    table(['operation', 'ratio', 'p50', 'req/s', 'CPU ms/req'], ratioRows),
    'Ratios are the worker over the other: below 1 is better for p50 and CPU, above 1 for req/s. Errors count ' +
      'failed requests and answers other than the worker\'s; "reordered" answers hold the same values with object keys ' +
      `in another order (GraphQL spec 7.2.2 orders them as the query selects them). Field order as the query's: ` +
      ops.map((op) => `${op.name} ${op.sameFieldOrder ? 'yes' : 'NO'}`).join(', ') + '.',
  ].join('\n\n');
}
