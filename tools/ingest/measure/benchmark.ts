import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readStories } from '../story-json';
import { sameTokens, shingleMatch, totals } from './shingles';

/**
 * The article-extraction benchmark of scrapinghub (its folder: html/<id>.html.gz and
 * ground-truth.json): every page read as ingest reads it, the body (paragraphs joined by a
 * newline) written to output/<name>.json in the benchmark's own format, {version, output:
 * {id: {articleBody}}}, for its evaluate.py; scored here too by the same measure.
 */
export async function runBenchmark(dir: string, name: string, version: string, progress: (line: string) => void) {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const ids = readdirSync(join(dir, 'html')).filter((f) => f.endsWith('.html.gz')).map((f) => f.slice(0, -'.html.gz'.length)).sort();
  const output: Record<string, { articleBody: string }> = {};
  let n = 0;
  for (const id of ids) {
    let body = '';
    for await (const story of readStories([join(dir, 'html', `${id}.html.gz`)], { defaultLanguage: 'en' })) {
      body = story.body?.split('\n\n').join('\n') ?? '';
      break;
    }
    output[id] = { articleBody: body };
    if (++n % 20 === 0) progress(`benchmark: ${n}/${ids.length} pages`);
  }
  mkdirSync(join(dir, 'output'), { recursive: true });
  const file = join(dir, 'output', `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ version, output }, null, 1)}\n`);
  const keys = Object.keys(truth);
  const score = totals(keys.map((k) => shingleMatch(truth[k]!.articleBody, output[k]?.articleBody ?? '')), keys.map((k) => sameTokens(truth[k]!.articleBody, output[k]?.articleBody ?? '')));
  return { file, pages: keys.length, empty: keys.filter((k) => !output[k]?.articleBody).length, ...score };
}
