/**
 * The light stemmer for Hindi of Ramanathan & Rao, "A Lightweight Stemmer for Hindi"
 * (EACL 2003 workshop), as Lucene's HindiStemmer applies it (apache/lucene,
 * analysis/common/.../hi/HindiStemmer.java): suffixes in five tiers by length, the longest
 * tier first; a tier applies only when the word is longer than the suffix plus one, so a
 * stem keeps at least two code units. Runs after HindiNormalizer, as in Lucene's HindiAnalyzer.
 */

const TIERS: string[][] = [
  ['ाएंगी', 'ाएंगे', 'ाऊंगी', 'ाऊंगा', 'ाइयाँ', 'ाइयों', 'ाइयां'],
  ['ाएगी', 'ाएगा', 'ाओगी', 'ाओगे', 'एंगी', 'ेंगी', 'एंगे', 'ेंगे', 'ूंगी', 'ूंगा', 'ातीं', 'नाओं', 'नाएं', 'ताओं', 'ताएं', 'ियाँ', 'ियों', 'ियां'],
  ['ाकर', 'ाइए', 'ाईं', 'ाया', 'ेगी', 'ेगा', 'ोगी', 'ोगे', 'ाने', 'ाना', 'ाते', 'ाती', 'ाता', 'तीं', 'ाओं', 'ाएं', 'ुओं', 'ुएं', 'ुआं'],
  ['कर', 'ाओ', 'िए', 'ाई', 'ाए', 'ने', 'नी', 'ना', 'ते', 'ीं', 'ती', 'ता', 'ाँ', 'ां', 'ों', 'ें'],
  ['ो', 'े', 'ू', 'ु', 'ी', 'ि', 'ा'],
];

export function hindiStem(word: string): string {
  for (const tier of TIERS) {
    const length = tier[0]!.length;
    if (word.length <= length + 1) continue;
    if (tier.some((suffix) => word.endsWith(suffix))) return word.slice(0, -length);
  }
  return word;
}
