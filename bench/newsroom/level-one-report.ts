/**
 * Level 1 over a newsroom's day, for the figures doc: the index each fold wrote (entries,
 * generations, bytes, and what the folded generations wrote), and the scale model's publishing
 * table (bench/scale-publishing.ts) at SCENARIO's size with that measured growth in place of the
 * bound, the version scaled linearly from the day's corpus and a delta as the day's median publish.
 */
import { publishingTable, type LevelOneGrowth } from '../scale-publishing';
import { int, SCENARIO } from '../scale-scenario';
import { measuredGrowth } from './level-one-growth';
import type { NewsroomResults } from './report';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The day's level-1 growth as the scale model reads it; undefined before any fold. */
export function dayGrowth(r: NewsroomResults): LevelOneGrowth | undefined {
  const growth = measuredGrowth(r.levelOne);
  return growth ? { articles: r.articles, ...growth } : undefined;
}

export function levelOneSection(r: NewsroomResults): string[] {
  if (!r.levelOne) return [];
  const growth = dayGrowth(r);
  const last = r.levelOne.perPublish.at(-1);
  const head = `Level 1 over the day (docs/incremental-build.md): the logical keys written since the base, after the day's ${r.levelOne.perPublish.length} publishes, ` +
    `${int(last?.distinct ?? 0)} distinct of ${int(last?.written ?? 0)} the generations' manifests named.`;
  if (!growth) return [`${head} No publish folded the chain into level 1 (a day of more publishes does).`, ''];
  const rows = r.levelOne.folds.map((f) =>
    `| ${f.publish} | ${f.publishesSinceBase} | ${int(f.entries)} | +${int(f.added)} | ${int(f.keysWritten)} | ${f.generations} | ${int(f.bytes)} | ${(f.bytes / Math.max(1, f.entries)).toFixed(2)} |`);
  const lines = [
    head,
    '',
    '| fold at publish | publishes since the base | index entries | added by the fold | keys the folded generations wrote | generations | index bytes | bytes / entry |\n|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ];
  if (!r.corpus || r.desk.length === 0) return lines;
  const scale = SCENARIO.articles / r.articles;
  const version = { keys: r.corpus.keys * scale, bytes: r.corpus.bytes * scale };
  const delta = { articles: r.articles, keys: median(r.desk.map((d) => d.keysWritten)), bytes: median(r.desk.map((d) => d.bytesWritten ?? 0)) };
  return [
    ...lines,
    `The scale model's publishing at ${int(SCENARIO.articles)} articles with this growth (the version scaled linearly from this corpus's ${int(r.corpus.keys)} keys; a delta as the day's median publish):`,
    '',
    publishingTable(version, delta, growth),
    '',
  ];
}
