import type { Word } from '../../src/text/words';
import { ENGLISH_STOPWORDS } from '../../src/text/english-stopwords';
import { en as ENGLISH_WORDS } from 'stopwords-iso/stopwords-iso.json';
import { isCapitalised, isLatinWord, KOREAN_PARTICLES, matchKey } from './match-key';

/**
 * What real news pages put around names that a dictionary match must not take for a mention:
 * interface lines in capitals (SUBSCRIBE TO US, WATCH US LIVE, FOLLOW US), hashtags (#USA),
 * headlines in Title Case (where every word is capitalised, so a capitalised neighbour says
 * nothing about a longer name), and "<country> government" (भारत सरकार, 중국 정부), which
 * names the government, not the country.
 */

const UPPER_WORD = /^[\p{Lu}\d'’.-]*\p{Lu}[\p{Lu}\d'’.-]*$/u;

/** Most of the paragraph's Latin letters are capitals: a shouted headline or an interface line. */
export function isShouted(text: string): boolean {
  const letters = text.match(/\p{Script=Latin}/gu) ?? [];
  const upper = letters.filter((c) => /\p{Lu}/u.test(c)).length;
  return letters.length >= 4 && upper / letters.length > 0.8;
}

/**
 * A word in capitals that is also an English function word (stopwords-iso's list: "US" is "us") is that word in a line of
 * capitals: SUBSCRIBE TO US, WATCH US LIVE, FOLLOW US ON X. Such a line is read as words, not names.
 */
const FUNCTION_WORDS = new Set(ENGLISH_WORDS);

export function commonWordInCapitals(ws: Word[], i: number, alias: string[]): boolean {
  if (alias.length !== 1 || !FUNCTION_WORDS.has(matchKey(ws[i]!.text))) return false;
  const caps = (w: Word | undefined) => !!w && isLatinWord(w.text) && w.text.length > 1 && UPPER_WORD.test(w.text);
  return caps(ws[i - 1]) || caps(ws[i + 1]);
}

/** Written right after # or @ (a tag or a handle, not prose), or after such a word and a space ("#South Korea"). */
export const isTag = (text: string, start: number): boolean =>
  /[#@]$|[#@][\p{L}\p{N}_]+ $/u.test(text.slice(Math.max(0, start - 40), start));

/** Prepositions, conjunctions and verbs that running text writes in lower case and Title Case capitalises. */
const TITLE_CASE_SIGNS = new Set(
  'and or but for nor of in on at to by from with over after amid against into as is are was were will has have says say said before up out off'.split(' '),
);

/**
 * A headline in Title Case: four or more Latin words, nearly all capitalised but not shouted,
 * and a function word capitalised past the first ("Over", "After", "With", "Says"), which
 * running text never does. In one, "US Cops" and "China Trade" are a name and a word, so the
 * longer-name rule is off.
 */
export function isTitleCase(text: string, ws: Word[]): boolean {
  const latin = ws.filter((w) => isLatinWord(w.text) && /\p{L}/u.test(w.text[0]!));
  const content = latin.filter((w) => !ENGLISH_STOPWORDS.has(matchKey(w.text)));
  if (content.length < 4 || isShouted(text)) return false;
  const capitalisedFunctionWord = latin.slice(1).some((w) => /^\p{Lu}\p{Ll}/u.test(w.text) && TITLE_CASE_SIGNS.has(matchKey(w.text)));
  return capitalisedFunctionWord && content.filter((w) => isCapitalised(w.text)).length / content.length >= 0.85;
}

/** The word after a country's name that makes the two the name of its government or a ministry. */
const GOVERNMENT_WORDS = new Set(
  ['government', 'govt', 'सरकार', '정부', '정권', '국무부', '국방부', '외교부', '국회'].map(matchKey),
);

export function isGovernmentWord(word: Word | undefined): boolean {
  if (!word) return false;
  const key = matchKey(word.text);
  // 정부는, 정부가: the word with a Korean particle written onto it.
  return GOVERNMENT_WORDS.has(key) || KOREAN_PARTICLES.some((p) => key.endsWith(p) && GOVERNMENT_WORDS.has(key.slice(0, -p.length)));
}
