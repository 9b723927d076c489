import { hindiNormalize } from '../../src/text/hindi-normalizer';
import { indicNormalize } from '../../src/text/indic-normalizer';

/**
 * The form in which a word of a name and a word of a text are compared. Spellings that writers
 * use interchangeably compare equal; spellings that name different things do not.
 *
 * - Devanagari: composed vowels (Lucene's IndicNormalizer), then any nasal consonant + virama
 *   before a consonant becomes anusvara (हिन्दी/हिंदी, अम्बेडकर/अंबेडकर: the "half nasal"
 *   spelling; Lucene's HindiNormalizer folds only न्), then HindiNormalizer (nukta, chandrabindu,
 *   long/short vowels, virama). See src/text/hindi-normalizer.ts for the sources.
 * - Latin: lower case, diacritics dropped (Zelenskyy/Zelenškyj), the possessive 's dropped
 *   (UAX #29 keeps "Putin's" one word).
 * - Other scripts: NFC and lower case.
 */

const DEVANAGARI = /[\u0900-\u097F]/;
const LATIN = /^[\p{Script=Latin}\p{M}\p{N}'\u2019.-]+$/u;
const HALF_NASAL = /[\u0919\u091E\u0923\u0928\u092E]\u094D(?=[\u0915-\u0939\u0958-\u095F])/g;

/**
 * Keys by word: a text repeats its words, and normalising is most of the linker's time. Bounded
 * so a long ingest run does not grow it without end.
 */
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

export function matchKey(word: string): string {
  let key = cache.get(word);
  if (key === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    key = computeKey(word);
    cache.set(word, key);
  }
  return key;
}

function computeKey(word: string): string {
  const w = word.normalize('NFC');
  if (DEVANAGARI.test(w)) return hindiNormalize(indicNormalize(w).replace(HALF_NASAL, '\u0902'));
  if (LATIN.test(w)) {
    return w
      .replace(/['\u2019]s$/i, '')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase();
  }
  return w.toLowerCase();
}

/** Acronyms (USA, DPRK, NHK) match only as written: "us" is a pronoun, "US" a country. */
export const isAcronym = (word: string): boolean => /^[\p{Lu}\d.]{2,6}$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word);

/** A Latin-script name is capitalised in running text; "china" (porcelain) is not "China". */
export const isCapitalised = (word: string): boolean => !/^\p{Ll}/u.test(word);

export const isLatinWord = (word: string): boolean => LATIN.test(word) && /\p{L}/u.test(word);

export const isHangul = (word: string): boolean => /^[\uAC00-\uD7A3]+$/.test(word);

/**
 * Korean writes case particles onto the noun (북한이, 멕시코의), and UAX #29 keeps them one
 * word; a name matches a word that is the name plus one of these particles (the common case
 * markers and postpositions of Korean grammar; longest listed first where one ends another).
 */
export const KOREAN_PARTICLES = [
  '에서는', '으로는', '에게서', '이라고', '과의', '와의', '에서', '에게', '에는', '으로', '까지', '부터',
  '처럼', '보다', '라고', '이다', '이며', '이', '가', '은', '는', '을', '를', '의', '에', '와', '과', '도',
  '로', '만', '측',
];
