/**
 * The table of `npm run bench -- --publish-one` (bench/publish-one.ts) for docs/performance.md
 * (bench/figures-doc.ts): per corpus size and change, keys and bytes written, what was read,
 * and the time end to end, against the publish budget (bench/publish-one.ts BUDGET).
 */
interface ChangeFigures {
  byKind: Record<string, number>;
  keysWritten: number;
  bytesWritten: number;
  keysRead: number;
  readRoundTrips: number;
  buildMs: number;
  publishMs: number;
  totalMs: number;
  withinBudget: boolean;
}

export interface PublishOneResults {
  startedAt: string;
  budget: { keys: number; bytes: number; ms: number };
  sizes: Array<{ articles: number; listBytes?: { head: number; leaf0: number; index: number } } & Record<string, ChangeFigures | number | object>>;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

export function publishOneTable(results: PublishOneResults): string {
  const { budget } = results;
  const rows: string[] = [];
  for (const size of results.sizes) {
    for (const [change, value] of Object.entries(size)) {
      if (typeof value !== 'object' || !('byKind' in value)) continue;
      const f = value as ChangeFigures;
      const kinds = Object.entries(f.byKind).map(([k, n]) => `${k} ${n}`).join(', ');
      rows.push(
        `| ${size.articles.toLocaleString('en')} | ${change} | ${f.keysWritten} | ${kib(f.bytesWritten)} | ${kinds} | ` +
          `${f.keysRead} in ${f.readRoundTrips} | ${(f.totalMs / 1000).toFixed(2)} s | ${f.withinBudget ? 'yes' : '**no**'} |`,
      );
    }
  }
  return [
    `## npm run bench -- --publish-one (${results.startedAt.slice(0, 16)})`,
    `One article published into a published corpus, end to end (entity files read, delta built, publishDelta), ` +
      `KV held in memory (tools/fixtures/memory-kv.ts: KV's cost is given as counts). Budget: at most ${budget.keys} keys, ` +
      `${kib(budget.bytes)} and ${budget.ms / 1000} s. Keys by kind: a article, h/l/x list head/leaf/index, r related, ` +
      `s:* search (s:p posting shards and delta segments, s:g suggest buckets, s:gc suggest counts); "written" adds publishDelta's tombstones, change list and generation manifest.`,
    '| articles | change | keys written | bytes written | keys by kind | keys read in round trips | time | within budget |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Bytes of the list of all articles (its head, read by every page; leaf 0, the first page; the index, read by deeper pages and date ranges):',
    '',
    '| articles | head | leaf 0 | index |',
    '|---|---|---|---|',
    ...results.sizes.flatMap((s) => (s.listBytes ? [`| ${s.articles.toLocaleString('en')} | ${s.listBytes.head} B | ${kib(s.listBytes.leaf0)} | ${kib(s.listBytes.index)} |`] : [])),
  ].join('\n');
}
