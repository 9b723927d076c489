import type { BenchmarkPage } from './benchmark';
import { pageF1, tokenize } from './shingles';

/**
 * The tuning half's pages that are not exact, each as a line diff of the ground truth against
 * our body: `-` a truth line we do not give, `+` a line of ours the truth does not hold
 * (compared as the benchmark's tokens, so spacing and punctuation are no difference). Held-out
 * pages are never shown: the reader is tuned by looking at the tuning half only.
 */
const tokens = (line: string) => tokenize(line).join(' ');

export function lineDiff(truth: string, predicted: string): string[] {
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => tokens(l) !== '');
  const have = new Set(lines(predicted).map(tokens));
  const want = new Set(lines(truth).map(tokens));
  const missing = lines(truth).filter((l) => !have.has(tokens(l))).map((l) => `- ${l}`);
  const extra = lines(predicted).filter((l) => !want.has(tokens(l))).map((l) => `+ ${l}`);
  return [...missing, ...extra];
}

export function tuningMisses(pages: BenchmarkPage[]): string {
  return pages
    .filter((p) => p.half === 'tune' && !p.exact)
    .sort((a, b) => pageF1(b.shingles) - pageF1(a.shingles))
    .map((p) => [`## ${p.id} F1 ${pageF1(p.shingles).toFixed(3)}`, ...lineDiff(p.truth, p.predicted).map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l)), ''].join('\n'))
    .join('\n');
}
