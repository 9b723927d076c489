/**
 * The dev documents in two folds, alternating within each language in file order (the way the
 * held-out documents were drawn): rules are tuned on fold A and checked on fold B, so a rule's
 * carry-over to text it was not written for shows before any held-out text is measured
 * (two-fold cross-validation).
 */

export type Fold = 'A' | 'B';

export function devFolds(docs: Array<{ id: string; language: string; split?: string }>): Map<string, Fold> {
  const seen = new Map<string, number>();
  const folds = new Map<string, Fold>();
  for (const d of docs) {
    if ((d.split ?? 'dev') !== 'dev') continue;
    const language = d.language.split('-')[0]!;
    const n = seen.get(language) ?? 0;
    seen.set(language, n + 1);
    folds.set(d.id, n % 2 === 0 ? 'A' : 'B');
  }
  return folds;
}
