/**
 * The `x-kv-stats` response header: what one request read from KV, in the units the KV
 * budgets are stated in. Written by the worker, read back by the tests and the benchmark.
 *
 *   x-kv-stats: version-reads=1, round-trips=2, operations=2, keys=15, bytes=9120, cache-hits=0
 */
export interface KvStats {
  versionReads: number;
  roundTrips: number;
  operations: number;
  keys: number;
  bytes: number;
  cacheHits: number;
}

/** The header's value, as the worker writes it. */
export function formatKvStats(stats: KvStats): string {
  return [
    `version-reads=${stats.versionReads}`,
    `round-trips=${stats.roundTrips}`,
    `operations=${stats.operations}`,
    `keys=${stats.keys}`,
    `bytes=${stats.bytes}`,
    `cache-hits=${stats.cacheHits}`,
  ].join(', ');
}

/** The counts back from the header, for the tests and the benchmark. */
export function parseKvStats(header: string | null): KvStats {
  const fields: Record<string, number> = {};
  for (const part of (header ?? '').split(', ')) {
    const [name, value] = part.split('=');
    if (name && value !== undefined) fields[name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = Number(value);
  }
  return fields as unknown as KvStats;
}
