import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readStories } from '../story-json';
import { halfOf, type BenchmarkSplit, type Half } from './benchmark-split';
import { sameTokens, shingleMatch, totals, type Shingles } from './shingles';

/**
 * The article-extraction benchmark of scrapinghub (its folder: html/<id>.html.gz and
 * ground-truth.json): every page read as ingest reads it, the article's full text (its
 * paragraphs with each table's and embedded post's text in place, joined by newlines) written to output/<name>.json in the benchmark's own format, {version, output:
 * {id: {articleBody}}}, for its evaluate.py; scored here too by the same measure, in total and
 * for each half of the recorded split.
 */
export interface BenchmarkPage {
  id: string;
  half: Half;
  truth: string;
  predicted: string;
  shingles: Shingles;
  exact: boolean;
}

export type Score = ReturnType<typeof totals> & { pages: number; exact: number; empty: number };

export interface BenchmarkResult {
  file: string;
  pages: BenchmarkPage[];
  total: Score;
  tune: Score;
  heldout: Score;
}

export function score(pages: BenchmarkPage[]): Score {
  return {
    ...totals(pages.map((p) => p.shingles), pages.map((p) => p.exact)),
    pages: pages.length,
    exact: pages.filter((p) => p.exact).length,
    empty: pages.filter((p) => !p.predicted).length,
  };
}

export async function runBenchmark(dir: string, name: string, version: string, split: BenchmarkSplit, progress: (line: string) => void): Promise<BenchmarkResult> {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const half = halfOf(split);
  const ids = readdirSync(join(dir, 'html')).filter((f) => f.endsWith('.html.gz')).map((f) => f.slice(0, -'.html.gz'.length)).sort();
  const output: Record<string, { articleBody: string }> = {};
  let n = 0;
  for (const id of ids) {
    let body = '';
    for await (const story of readStories([join(dir, 'html', `${id}.html.gz`)], { defaultLanguage: 'en' })) {
      body = story.text?.split('\n\n').join('\n') ?? '';
      break;
    }
    output[id] = { articleBody: body };
    if (++n % 20 === 0) progress(`benchmark: ${n}/${ids.length} pages`);
  }
  mkdirSync(join(dir, 'output'), { recursive: true });
  const file = join(dir, 'output', `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ version, output }, null, 1)}\n`);
  const pages = Object.keys(truth).map((id): BenchmarkPage => {
    const t = truth[id]!.articleBody;
    const predicted = output[id]?.articleBody ?? '';
    return { id, half: half(id), truth: t, predicted, shingles: shingleMatch(t, predicted), exact: sameTokens(t, predicted) };
  });
  return { file, pages, total: score(pages), tune: score(pages.filter((p) => p.half === 'tune')), heldout: score(pages.filter((p) => p.half === 'heldout')) };
}
