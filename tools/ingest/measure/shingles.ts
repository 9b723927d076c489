/**
 * The body measure of the article-extraction benchmark (scrapinghub/article-extraction-benchmark,
 * evaluate.py), re-implemented so the dev set is scored the same way: texts are tokenized as
 * Python's `\w+` (letters, numbers and `_`; combining marks such as Devanagari vowel signs split
 * words there too, and unspaced Chinese or Japanese is one token per run), cut into shingles of
 * 4 tokens, and compared as multisets; true/false positives and negatives are normalised to sum
 * to 1 per page, so long pages weigh no more than short ones. Precision and recall are means over
 * pages, F1 their harmonic mean; accuracy is the share of pages whose token lists are equal.
 */
export interface Shingles {
  tp: number;
  fp: number;
  fn: number;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;

export const tokenize = (text: string): string[] => text.match(TOKEN) ?? [];

function shingleCounts(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  // evaluate.py yields one (possibly shorter) shingle when there are fewer than n tokens.
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function shingleMatch(truth: string, predicted: string): Shingles {
  const t = shingleCounts(truth);
  const p = shingleCounts(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

const precision = ({ tp, fp, fn }: Shingles) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
const recall = ({ tp, fp, fn }: Shingles) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Page F1 (for per-page tables): the harmonic mean of that page's precision and recall. */
export function pageF1(s: Shingles): number {
  const p = precision(s);
  const r = recall(s);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** The benchmark's totals over pages. */
export function totals(pages: Shingles[], exact: boolean[]): { f1: number; precision: number; recall: number; accuracy: number } {
  const p = mean(pages.filter((s) => s.tp + s.fp > 0).map(precision));
  const r = mean(pages.filter((s) => s.tp + s.fn > 0).map(recall));
  return { f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), precision: p, recall: r, accuracy: mean(exact.map(Number)) };
}

export const sameTokens = (truth: string, predicted: string): boolean => tokenize(truth).join(' ') === tokenize(predicted).join(' ');
