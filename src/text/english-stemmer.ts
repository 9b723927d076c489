/**
 * English folding for search: lower-case (locale-independent), drop a possessive 's
 * (as Lucene's EnglishPossessiveFilter), then Harman's "S" stemmer (Harman, "How effective is
 * suffixing?", JASIS 1991), the light stemmer Lucene ships as EnglishMinimalStemmer. It only
 * folds plurals (visits -> visit, countries -> country), so names are rarely mangled, which a
 * Porter stemmer would do (Putin's -> putin, but also "news" stays "news").
 */
export function englishFold(word: string): string {
  let w = word.toLowerCase();
  if (w.endsWith("'s") || w.endsWith('\u2019s')) w = w.slice(0, -2);
  return harmanStem(w);
}

export function harmanStem(w: string): string {
  if (w.length < 3 || !w.endsWith('s') || w.endsWith('ss') || w.endsWith('us')) return w;
  if (w.endsWith('es')) {
    const before = w[w.length - 3]!;
    // -ies -> -y (countries), except -eies/-aies; -aes/-ees/-oes/-ies otherwise stay whole.
    if (before === 'i' && w.length > 3 && !'ae'.includes(w[w.length - 4]!)) return `${w.slice(0, -3)}y`;
    if ('aeio'.includes(before)) return w;
  }
  return w.slice(0, -1);
}
