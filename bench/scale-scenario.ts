/**
 * The internet-scale scenario the scale model prices (docs/performance.md, "Internet scale"):
 * its size and traffic, the platform's list prices and limits, and the number formats of its
 * tables. What no single machine can measure (the share of requests the edge cache answers,
 * the operation mix) is a stated assumption, shown as scenarios.
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

export const DAY_S = 86_400;
export const money = (n: number) => `$${n < 10 ? n.toFixed(2) : Math.round(n).toLocaleString('en')}`;
export const int = (n: number) => Math.round(n).toLocaleString('en');
