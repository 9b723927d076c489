import { englishFold } from './english-stemmer';
import { isEnglishStopword } from './english-stopwords';
import { hindiNormalize } from './hindi-normalizer';
import { hindiStem } from './hindi-stemmer';
import { isHindiStopword } from './hindi-stopwords';
import { indicNormalize } from './indic-normalizer';
import { nameKey } from './name-key';
import { words } from './words';

/**
 * The one analysis chain of search, used alike at index time and at query time:
 *
 *   Intl.Segmenter words (UAX #29) -> NFC (Unicode UAX #15, per word so offsets stay those of
 *   the original text) -> decimal digits to ASCII (as Lucene's DecimalDigitFilter) ->
 *   Devanagari words: IndicNormalizer -> HindiNormalizer -> Savoy stopwords -> Ramanathan & Rao
 *   stemmer (the order of Lucene's HindiAnalyzer); other words: lower case, possessive,
 *   Lucene's English stop set -> Harman's S stemmer.
 *
 * The chain is chosen per word by its script, not per article, because Hindi news quotes
 * Latin names and a query may mix both.
 */

export interface Token {
  /** The indexed form; '' for a stopword. */
  term: string;
  /** Script-neutral name key (name-key.ts); '' when the word has none. */
  key: string;
  /** UTF-16 offsets of the word in the text given. */
  start: number;
  end: number;
}

const DEVANAGARI = /[\u0900-\u097F]/;

function asciiDigits(word: string): string {
  return word.replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966));
}

/**
 * A word folded for prefix matching (type-ahead): NFC, lower case, Indic and Hindi
 * normalisation, no stemming and no stopwords, so every prefix of a folded word is the fold of
 * the same prefix as typed (किम, किम जो...).
 */
export function fold(word: string): string {
  const w = asciiDigits(word.normalize('NFC')).toLowerCase();
  return DEVANAGARI.test(w) ? hindiNormalize(indicNormalize(w)) : w;
}

/** The term a single word is indexed under, or '' when it is a stopword. */
export function termOf(word: string): string {
  const w = asciiDigits(word.normalize('NFC'));
  if (DEVANAGARI.test(w)) {
    const normalized = hindiNormalize(indicNormalize(w));
    if (isHindiStopword(w) || isHindiStopword(normalized)) return '';
    return hindiStem(normalized);
  }
  const lower = w.toLowerCase();
  return isEnglishStopword(lower) ? '' : englishFold(lower);
}

/**
 * Words repeat (Zipf's law), and their analysis is pure, so it is memoised per word; the memo
 * is dropped when it grows past MEMO_LIMIT entries, which bounds its memory in a long-lived
 * isolate or a large build.
 */
const MEMO_LIMIT = 50_000;
const memo = new Map<string, { term: string; key: string }>();

/**
 * Longer "words" are not indexed: no language has them, and a run of millions of letters (a
 * broken or hostile file) would only fill the index and overflow regexp stacks in the
 * stemmers. 255 is Lucene's StandardTokenizer default maxTokenLength.
 */
export const MAX_WORD_LENGTH = 255;
const UNINDEXED = { term: '', key: '' };

function analyzeWord(word: string): { term: string; key: string } {
  if (word.length > MAX_WORD_LENGTH) return UNINDEXED;
  let hit = memo.get(word);
  if (!hit) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    hit = { term: termOf(word), key: nameKey(word) };
    memo.set(word, hit);
  }
  return hit;
}

export function analyze(text: string): Token[] {
  // Fields copied by name, not spread: a spread per word was a tenth of a full build's time.
  return words(text).map((w) => {
    const { term, key } = analyzeWord(w.text);
    return { term, key, start: w.start, end: w.end };
  });
}
