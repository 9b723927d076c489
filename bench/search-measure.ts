/**
 * Search quality on judged sets (bench/search-sets.ts): MRR@10, nDCG@10 and recall@10 per set,
 * part and language, for this API's search (the build step's index and the ranking the worker
 * runs, in-process: tools/compile/search-in-memory.ts) beside a plain BM25 over the same
 * documents (bench/search-yardstick.ts).
 *
 * scripts/search-measure.ts runs it (`npm run search:measure`). Tune on the dev part only; the
 * held-out part is for reporting. writeSearchMeasure puts the table into docs/search.md between
 * its search-measure markers and the figures into bench/results/search-measure.json. A query
 * the API refuses (over 32 words) counts as no answer.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildDataSet } from '../tools/compile/build-data-set';
import { inMemorySearch } from '../tools/compile/search-in-memory';
import { judge, mean, type Scores } from './search-metrics';
import { jsquadSet, newsSet, xquadSet, type JudgedSet } from './search-sets';
import { PlainBm25 } from './search-yardstick';

const K = 10;

export interface Row {
  set: string;
  part: string;
  language: string;
  api: Scores;
  bm25: Scores;
  refused: number;
}

async function measure(set: JudgedSet, parts: string[]): Promise<Row[]> {
  console.error(`${set.name}: building ${set.files.length} files`);
  const built = await buildDataSet(set.files, { builtAt: '2026-01-01T00:00:00Z', hash: async (t) => createHash('sha256').update(t).digest('hex') });
  if (!built.ok) throw new Error(`${set.name}: ${JSON.stringify(built.problems.slice(0, 3))}`);
  const api = inMemorySearch(built.data.entries, built.data.pointer.value);
  const bm25 = new PlainBm25();
  for (const file of set.files) {
    if (!file.path.startsWith('articles/')) continue;
    const a = JSON.parse('text' in file ? file.text : new TextDecoder().decode(file.bytes)) as { slug: string; headline: string; paragraphs: string[] };
    bm25.add(a.slug, [a.headline, ...a.paragraphs].join('\n'));
  }
  const groups = new Map<string, { api: ReturnType<typeof judge>[]; bm25: ReturnType<typeof judge>[]; refused: number }>();
  const queries = set.queries.filter((q) => parts.includes(q.part));
  queries.forEach((q, i) => {
    if (i % 500 === 0) console.error(`${set.name}: query ${i} of ${queries.length}`);
    const key = `${q.part}\t${q.language}`;
    const g = groups.get(key) ?? groups.set(key, { api: [], bm25: [], refused: 0 }).get(key)!;
    let results: string[] = [];
    try {
      results = api.ranked(q.query).slice(0, K).map((r) => r.slug);
    } catch (e) {
      if ((e as Error).name !== 'InvalidArgument') throw e;
      g.refused++;
    }
    g.api.push(judge(results, q.relevant, K));
    g.bm25.push(judge(bm25.search(q.query, K), q.relevant, K));
  });
  return [...groups].map(([key, g]) => {
    const [part, language] = key.split('\t') as [string, string];
    return { set: set.name, part, language, api: mean(g.api), bm25: mean(g.bm25), refused: g.refused };
  });
}

const SETS: Record<string, () => JudgedSet> = { xquad: () => xquadSet(), jsquad: jsquadSet, news: newsSet };

/** The scores of every named set's queries of the named parts, and their table. */
export async function measureSearch(setNames: string[], parts: string[]): Promise<{ rows: Row[]; table: string }> {
  const rows: Row[] = [];
  for (const name of setNames) {
    const set = SETS[name]?.();
    if (!set) throw new Error(`--sets takes ${Object.keys(SETS).join(', ')}, not ${name}`);
    rows.push(...(await measure(set, parts)));
  }
  rows.sort((a, b) => a.set.localeCompare(b.set) || a.part.localeCompare(b.part) || a.language.localeCompare(b.language));
  const f = (n: number) => n.toFixed(3);
  const table = [
    '| set | part | lang | queries | MRR@10 | BM25 | nDCG@10 | BM25 | recall@10 | BM25 | answered |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.set} | ${r.part} | ${r.language} | ${r.api.queries} | ${f(r.api.mrr)} | ${f(r.bm25.mrr)} | ${f(r.api.ndcg)} | ${f(r.bm25.ndcg)} | ${f(r.api.recall)} | ${f(r.bm25.recall)} | ${r.api.answered}${r.refused ? ` (${r.refused} refused)` : ''} |`),
  ].join('\n');
  return { rows, table };
}

/** The figures into bench/results/search-measure.json and the table into docs/search.md. */
export function writeSearchMeasure(command: string, rows: Row[], table: string): void {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/search-measure.json', `${JSON.stringify({ command, rows }, null, 2)}\n`);
  const doc = readFileSync('docs/search.md', 'utf8');
  const [start, end] = ['<!-- search-measure:start -->', '<!-- search-measure:end -->'];
  if (!doc.includes(start) || !doc.includes(end)) throw new Error('docs/search.md has no search-measure markers');
  writeFileSync('docs/search.md', doc.slice(0, doc.indexOf(start) + start.length) + `\n${table}\n` + doc.slice(doc.indexOf(end)));
}
