import { MAX_CHAIN_KEYS, MAX_DELTA_GENERATIONS } from '../src/model/generations';
import { LEVEL1_SHARE, MAX_LEVEL1_GENERATIONS } from '../src/model/level-one';
import { DAY_S, int, LIMITS, money, PRICES, SCENARIO } from './scale-scenario';

/** What `npm run bench -- --publish-one` wrote (bench/publish-one-report.ts), as far as the model reads it. */
export interface PublishOneFigures {
  sizes: Array<{ articles: number } & Partial<Record<'add' | 'correct', { keysWritten: number; bytesWritten: number }>>>;
}

/**
 * Level 1's growth as a newsroom's day measured it (bench/newsroom/level-one-growth.ts): index
 * entries gained per publish, stored bytes per entry, and the keys the folded generations wrote
 * per publish (what the bound counts as new), at `articles`.
 */
export interface LevelOneGrowth {
  articles: number;
  entriesPerPublish: number;
  bytesPerEntry: number;
  keysPerPublish: number;
  publishesPerFold: number;
  folds: number;
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
 * generations) writes a new base instead. Level 1 grows by `growthPerPublish` entries a publish:
 * measured over a newsroom's day, or else every key the delta writes (an upper bound: list heads
 * and search tables are written again and again). Garbage collection later deletes about as
 * many keys as were written.
 */
export function publishingRule(versionKeys: number, deltaKeys: number, perDay = SCENARIO.publishesPerDay, growthPerPublish = deltaKeys) {
  const chainLength = Math.max(1, Math.min(MAX_DELTA_GENERATIONS, Math.floor(MAX_CHAIN_KEYS / deltaKeys)));
  // Folds a base cycle holds before level 1 passes its share, or names too many generations.
  const folds = Math.max(0, Math.min(Math.floor((LEVEL1_SHARE * versionKeys) / (chainLength * growthPerPublish)), Math.floor(MAX_LEVEL1_GENERATIONS / chainLength) - 1));
  const cycle = (folds + 1) * chainLength;
  const bases = perDay / cycle;
  const deltaWrites = deltaKeys * perDay;
  const foldWrites = (perDay / cycle) * folds;
  const baseWrites = versionKeys * bases;
  // The rule before level 1: a new base at every chain bound.
  const chainOnly = deltaWrites + versionKeys * (perDay / chainLength);
  return { chainLength, folds, cycle, bases, deltaWrites, foldWrites, baseWrites, writes: deltaWrites + foldWrites + baseWrites, chainOnly, levelOneEntries: folds * chainLength * growthPerPublish };
}

/** How level 1's size was reckoned, for the table's closing line. */
function growthLine(rule: ReturnType<typeof publishingRule>, deltaKeys: number, growth: LevelOneGrowth | undefined): string {
  const share = `${Math.round(LEVEL1_SHARE * 100)}% of the base`;
  if (!growth) return `Level 1 holds at most ${int(rule.levelOneEntries)} keys (${share}, every key a delta writes counted as new to it)`;
  return `Level 1 holds at most ${int(rule.levelOneEntries)} keys (${share}), growing by ${growth.entriesPerPublish.toFixed(1)} index entries a publish as measured over a newsroom's day at ` +
    `${int(growth.articles)} articles (${growth.folds} fold(s), one every ${growth.publishesPerFold.toFixed(0)} publishes; the folded generations' manifests named ${growth.keysPerPublish.toFixed(1)} keys a publish, list ranges included), ` +
    `not the ${int(deltaKeys)} keys a delta writes`;
}

export function publishingTable(version: { keys: number; bytes: number }, delta: ReturnType<typeof publishCost>, growth?: LevelOneGrowth): string {
  const perDay = SCENARIO.publishesPerDay;
  if (!delta) return 'Publishing: not in these results (run `npm run bench -- --publish-one --sizes 100000`).';
  const rule = publishingRule(version.keys, delta.keys, perDay, growth?.entriesPerPublish);
  const { chainLength, cycle, bases, deltaWrites, foldWrites, baseWrites, writes } = rule;
  const levelOneBytes = (rule.levelOneEntries / version.keys) * version.bytes;
  const storedGb = (2 * version.bytes + levelOneBytes + chainLength * delta.bytes) / 1e9;
  const bulkRequests = (perDay + bases * Math.ceil(version.keys / LIMITS.kvBulkKeys)) * 2; // writes, then deletes
  const apiBudget = (LIMITS.apiRequestsPer5Min * DAY_S) / 300;
  const dollars = (n: number, price: number) => money((n * price) / 1e6);
  // Each entry of the index is a 4-byte hash and a 2-byte generation, stored as base64 (about 8 bytes), unless measured.
  const indexMb = (rule.levelOneEntries * (growth?.bytesPerEntry ?? 8)) / 1e6;
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
      `${growthLine(rule, delta.keys, growth)}: an index of ${indexMb.toFixed(1)} MB at its largest, which each isolate reads once per fold.`,
  ].join('\n');
}
