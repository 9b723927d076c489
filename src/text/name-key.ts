import { hindiNormalize } from './hindi-normalizer';

/**
 * A script-neutral key for names: the consonant skeleton of a word, computed the same way from
 * Devanagari and from Latin letters, so पुतिन and Putin both give "ptn", किम जोंग उन and
 * Kim Jong Un give "km jng n", व्लादिमीर and Vladimir give "vldmr".
 *
 * Vowels are dropped because the two scripts disagree most on them (Devanagari writes the
 * inherent a not at all, Latin spellings vary: Zelensky/Zelenskyy). Consonants are folded to
 * one Latin letter per Devanagari class: aspirates lose their h (ph -> f as फ़/फ are one letter
 * once nukta is gone, kh -> k, sh -> s), z -> j (ज़ loses its nukta), w -> v, c/q -> k except
 * ch (च), x -> ks, n before p/b/m -> m (anusvara before a labial), doubles collapse, and y
 * counts only at the start of a word (वियतनाम / Vietnam). It is a match key, not a
 * transliteration: it merges some different names too, which is why cross-script matches rank
 * below native ones.
 */

const DEVANAGARI: Record<string, string> = {
  क: 'k', ख: 'k', ग: 'g', घ: 'g', ङ: 'n',
  च: 'c', छ: 'c', ज: 'j', झ: 'j', ञ: 'n',
  ट: 't', ठ: 't', ड: 'd', ढ: 'd', ण: 'n',
  त: 't', थ: 't', द: 'd', ध: 'd', न: 'n',
  प: 'p', फ: 'f', ब: 'b', भ: 'b', म: 'm',
  य: 'y', र: 'r', ल: 'l', ळ: 'l', व: 'v', श: 's', ष: 's', स: 's', ह: 'h',
  '\u0902': 'n', // anusvara (chandrabindu is folded into it by the normalizer)
};

/** Latin spellings folded to the letters the Devanagari table yields, digraphs first. */
const LATIN_RULES: Array<[RegExp, string]> = [
  [/ch/g, 'C'], // च; upper case keeps it from the c -> k rule below
  [/ph/g, 'f'],
  [/sh/g, 's'],
  [/zh/g, 'j'],
  [/([kgjtdb])h/g, '$1'],
  [/x/g, 'ks'],
  [/[cq]/g, 'k'],
  [/w/g, 'v'],
  [/z/g, 'j'],
];

const isDevanagari = (word: string) => /[\u0900-\u097F]/.test(word);

function skeletonDevanagari(word: string): string {
  let out = '';
  for (const c of hindiNormalize(word)) out += DEVANAGARI[c] ?? '';
  return out;
}

function skeletonLatin(word: string): string {
  let w = word.replace(/['\u2019]s$/i, '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of LATIN_RULES) w = w.replace(pattern, replacement);
  return w.toLowerCase().replace(/[aeiou]/g, '');
}

/** The key of one word, or '' when it has fewer than two consonants (too ambiguous to match). */
export function nameKey(word: string): string {
  const raw = isDevanagari(word) ? skeletonDevanagari(word.normalize('NFC')) : skeletonLatin(word);
  // y counts only word-initially, in both scripts.
  const body = raw[0] === 'y' ? `y${raw.slice(1).replace(/y/g, '')}` : raw.replace(/y/g, '');
  const key = body.replace(/n(?=[pbm])/g, 'm').replace(/(.)\1+/g, '$1');
  return key.length >= 2 ? key : '';
}
