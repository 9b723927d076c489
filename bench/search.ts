/**
 * Search benchmark: latency and KV bytes read per query at several corpus sizes.
 *
 *   npm run bench:search [-- --sizes 1000,10000,100000 --warm 20 --cold 5 --queries 'पुतिन,सराहना']
 *
 * For each size it builds the real data plus N generated articles (tools/fixtures/corpus.ts) with the
 * real build step, writes to Miniflare's local KV (wrangler's getPlatformProxy, persisted
 * under .wrangler/bench-search/) every key of the search index, the pointer, and the articles
 * the benchmark's queries return (found in-process with the same ranking code; a search reads
 * no other key, and local KV takes ~10 ms a put, so loading all 100,000 articles and their
 * lists would take longer than everything else), then starts the worker itself in workerd on that
 * KV (wrangler's unstable_dev, as `wrangler dev` runs it) and queries it over HTTP. Per query
 * it reports the cold request (a freshly started worker that has served only a request for the
 * data version: every search key read from KV) with the
 * bytes, keys and round trips of its `x-kv-stats` header, and the median of `--warm` repeats
 * on the warm isolate. Local KV answers in microseconds, so latency here is mostly the
 * worker's own work (parse, rank, highlight, GraphQL); on Workers add KV's round trips.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getPlatformProxy } from 'wrangler';
import { buildDataSet } from '../tools/compile/build-data-set';
import { readSourceFiles } from '../tools/data/source-files';
import { inMemorySearch } from '../tools/compile/search-in-memory';
import { searchArticleKey } from '../src/model/keys';
import { generateCorpus } from '../tools/fixtures/corpus';
import { FIRST, PERSIST, startWorker, timedQuery, warmUp } from './search-worker';

/** Runs `npm run bench:search` with its command-line arguments (scripts/bench-search.ts is the entry point). */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      warm: { type: 'string', default: '20' },
      cold: { type: 'string', default: '3' },
      queries: { type: 'string' },
    },
  });
  const sizes = values.sizes!.split(',').map(Number);
  const warmRuns = Number(values.warm);
  /** Cold samples per query: each a freshly started worker; the table shows their median. */
  const coldRuns = Math.max(1, Number(values.cold));

  const DEFAULT_QUERIES = [
    'पुतिन',
    // A rare term: only the seed article says सराहना ("praised"); the generated corpus never does.
    'सराहना',
    'putin',
    'दौरे',
    'kim jong un',
    '"उत्तर कोरिया"',
    'उपग्रह प्रक्षेपण',
    'सरकार -चुनाव',
    'trade OR व्यापार',
  ];
  const QUERIES = values.queries ? values.queries.split(',') : DEFAULT_QUERIES;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  const rows: Array<Record<string, string | number>> = [];
  for (const n of sizes) {
    const files = [...readSourceFiles('data'), ...generateCorpus(n)];
    let t = performance.now();
    const built = await buildDataSet(files, {
      builtAt: new Date().toISOString(),
      hash: async (text) => createHash('sha256').update(text).digest('hex'),
    });
    if (!built.ok) throw new Error(JSON.stringify(built.problems.slice(0, 5)));
    const buildMs = performance.now() - t;
    const { entries, pointer, version } = built.data;
    const inMemory = inMemorySearch(entries, pointer.value);
    // The pages' articles, by document number (what a search reads); not every article's.
    const returned = new Set(QUERIES.flatMap((q) => inMemory.ranked(q).slice(0, FIRST).map((r) => searchArticleKey(version, r.doc))));
    const toLoad = [...entries].filter((e) => (e.key.includes(':s:') && !e.key.includes(':s:a:')) || returned.has(e.key));
    const searchBytes = entries
      .filter((e) => e.key.includes(':s:'))
      .reduce((s, e) => s + Buffer.byteLength(JSON.stringify(e.value)), 0);

    rmSync(PERSIST, { recursive: true, force: true });
    const open = () =>
      getPlatformProxy<{ NEWS: { put(key: string, value: string): Promise<void> } }>({
        configPath: 'wrangler.toml',
        persist: { path: `${PERSIST}/v3` },
      });
    let proxy = await open();
    t = performance.now();
    // Batches of 100, with progress; a batch the local runtime drops (ECONNRESET on a loaded
    // machine) is put again on a fresh proxy: puts of the same key and value are idempotent.
    for (let i = 0; i < toLoad.length; i += 100) {
      for (let attempt = 1; ; attempt++) {
        try {
          await Promise.all(toLoad.slice(i, i + 100).map((e) => proxy.env.NEWS.put(e.key, JSON.stringify(e.value))));
          break;
        } catch (error) {
          if (attempt >= 4) throw error;
          console.log(`keys ${i}-${i + 100}: ${(error as Error).message}; again (attempt ${attempt + 1})`);
          await proxy.dispose().catch(() => undefined);
          proxy = await open();
        }
      }
      if (i % 10_000 === 0) console.log(`loaded ${i} of ${toLoad.length} keys`);
    }
    await proxy.env.NEWS.put(pointer.key, JSON.stringify(pointer.value));
    const loadMs = performance.now() - t;
    console.log(
      `${n} generated articles: build ${(buildMs / 1000).toFixed(1)} s, ${entries.length} keys ` +
        `(search index ${(searchBytes / 1e6).toFixed(1)} MB), ${toLoad.length} loaded in ${(loadMs / 1000).toFixed(1)} s`,
    );

    await proxy.dispose();

    for (const q of QUERIES) {
      const colds = [];
      const warm: number[] = [];
      for (let run = 0; run < coldRuns; run++) {
        const worker = await startWorker();
        await warmUp(worker);
        colds.push(await timedQuery(worker, q));
        if (run === 0) for (let i = 0; i < warmRuns; i++) warm.push((await timedQuery(worker, q)).ms);
        await worker.stop();
      }
      const cold = { ...colds[0]!, ms: median(colds.map((c) => c.ms)) };
      const { counts } = inMemory.page(q, FIRST);
      rows.push({
        articles: n,
        query: q,
        matches: cold.total,
        [`cold ms (p50 of ${coldRuns})`]: Number(cold.ms.toFixed(1)),
        'warm ms (median)': Number(median(warm).toFixed(2)),
        'KV bytes': cold.bytes,
        // Early termination's work for the page (src/search/rank-windows.ts), counted in-process.
        'docs scored': counts.scored,
        'windows scored': `${counts.windowsScored}/${counts.windows}`,
        'KV keys': cold.keys,
        'round trips': cold.roundTrips,
      });
      console.log(JSON.stringify(rows.at(-1)));
    }
  }

  const header = Object.keys(rows[0]!);
  const table = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${header.map((h) => r[h]).join(' | ')} |`),
  ].join('\n');
  console.log(`\n${table}`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, JSON.stringify(rows, null, 2));
}
