import { unstable_dev, type Unstable_DevWorker } from 'wrangler';
import { benchPort } from './runtime';

/**
 * The worker the search benches query (bench/search.ts, bench/search-cold.ts): the real
 * worker in workerd on the Miniflare KV the bench wrote (wrangler's unstable_dev, as
 * `wrangler dev` runs it), one search query, and the figures of its `x-kv-stats` header.
 */
export const FIRST = 10;
export const PERSIST = '.wrangler/bench-search';
const SEARCH = `query($q: String!) { search(query: $q, first: ${FIRST}) {
  totalCount edges { score node { slug headline } highlights { paragraph start end } } } }`;

export function startWorker(persistTo = PERSIST): Promise<Unstable_DevWorker> {
  return unstable_dev('src/index.ts', {
    config: 'wrangler.toml',
    persistTo,
    vars: { VERSION_CHECK_SECONDS: '3600', ALLOW_ARBITRARY_QUERIES: 'true', RATE_LIMIT: 'off' },
    // wrangler's own choice of ports unless BENCH_PORT_BASE gives a range (+4 HTTP, +5 inspector).
    ...(process.env.BENCH_PORT_BASE ? { port: benchPort(4, 0), inspectorPort: benchPort(5, 0) } : {}),
    logLevel: 'error',
    experimental: { disableExperimentalWarning: true },
  });
}

/**
 * Warms the isolate (module, schema, pointer) without touching the search index, so the cold
 * query's time and bytes are those of its own index reads.
 */
export async function warmUp(worker: Unstable_DevWorker): Promise<void> {
  await worker.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ dataVersion { id } }' }),
  });
}

export async function timedQuery(worker: Unstable_DevWorker, q: string) {
  const start = performance.now();
  const response = await worker.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SEARCH, variables: { q } }),
  });
  const body = (await response.json()) as { data?: { search: { totalCount: number } }; errors?: unknown };
  const ms = performance.now() - start;
  if (body.errors) throw new Error(`${q}: ${JSON.stringify(body.errors)}`);
  const stats = Object.fromEntries(
    (response.headers.get('x-kv-stats') ?? '').split(', ').map((p: string) => [p.split('=')[0], Number(p.split('=')[1])]),
  );
  return { ms, total: body.data!.search.totalCount, bytes: stats.bytes!, keys: stats.keys!, roundTrips: stats['round-trips']! };
}
