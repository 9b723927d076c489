import { words, type Word } from '../../src/text/words';
import { ENGLISH_STOPWORDS } from '../../src/text/english-stopwords';
import { HINDI_STOPWORDS } from '../../src/text/hindi-stopwords';
import { isCapitalised, isLatinWord, matchKey } from './match-key';
import { isHonorificAfter, isTitleKey, titleBefore } from './titles';
import { isTag, isTitleCase } from './news-text';
import { isCommonPhrase } from './common-words';
import { titledCjkNames } from './cjk-names';
import { suffixedCjkNames } from './cjk-suffix-names';
import { contextNames } from './context-names';
import { hindiNames } from './hindi-names';
import type { NameSpan } from './name-span';


// Not "and": "Rahul Gandhi and Priyanka Gandhi" are two names. ki/ka/ke join Hindi titles written in Latin (Mann ki Baat).
const CONNECTORS = new Set(['of', 'the', 'de', 'da', 'del', 'van', 'von', '&', 'ki', 'ka', 'ke']);
const CALENDAR = new Set(
  ('january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec').split(' '),
);
const english = new Set(ENGLISH_STOPWORDS);
// Savoy's stopwords and the adverbs and nouns that follow a name in a title's window (मोदी आज, मोदी देश के).
const hindi = new Set([...HINDI_STOPWORDS, 'आज', 'कल', 'हर', 'देश', 'दुनिया', 'सरकार', 'फिर', 'अब', 'सबसे', 'लगातार', 'जिससे', 'जिसमें', 'जिसके', 'जिसे', 'इससे', 'उससे'].map(matchKey));
const ENDS_PHRASE = /[.,;:!?।|()[\]"“”‘’'\u2013\u2014]/;

// Words that open place and body names though common ("New Delhi", "North Block"): never cut from a name's start.
const NAME_OPENERS = new Set('new north south east west great upper lower united saint st san santa los las el la le royal national central grand mount lake fort port cape old'.split(' '));
// Wire services that sign a story: a name run on after one is a byline ("Associated Press Aamer Madhani").
const AGENCIES = ['associated press', 'reuters', 'afp', 'ap', 'pti', 'ani', 'ians', 'xinhua', 'bloomberg'].map((a) => a.split(' '));

const plainWord = (w: Word) => {
  const k = matchKey(w.text);
  return english.has(k) || CALENDAR.has(k) || /^\d/.test(w.text);
};

export function unknownNames(
  paragraphs: string[],
  language: string,
  linked: Array<{ paragraph: number; start: number; end: number }>,
  segmented?: Word[][],
): NameSpan[] {
  const out: NameSpan[] = [];
  paragraphs.forEach((text, paragraph) => {
    const ws = segmented?.[paragraph] ?? words(text, language);
    const here = linked.filter((m) => m.paragraph === paragraph);
    const taken = (w: Word) => here.some((m) => m.start < w.end && w.start < m.end);
    const gapBefore = (i: number) => (i === 0 ? '.' : text.slice(ws[i - 1]!.end, ws[i]!.start));
    const keys = ws.map((w) => matchKey(w.text));
    const linkedAt = (start: number, end: number) => here.some((m) => m.start < end && start < m.end);
    out.push(...titledCjkNames(text, paragraph, language, linkedAt), ...suffixedCjkNames(text, paragraph, language, linkedAt));
    out.push(...contextNames(text, paragraph, language, here.map((m): [number, number] => [m.start, m.end]), linkedAt));
    out.push(...hindiNames(text, paragraph, ws, keys, (i) => hindi.has(keys[i]!), taken));
    // In a Title Case headline every word is capitalised: its names are found in the body.
    const titleCase = isTitleCase(text, ws);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      if (taken(w) || isTag(text, w.start)) continue;
      // The last word of a title of several words ("Leader of the Opposition") is the title's.
      if (isLatinWord(w.text) && titleBefore(keys.slice(Math.max(0, i - 3), i + 1)) > 1) continue;
      if (isLatinWord(w.text) && isCapitalised(w.text) && !isTitleKey(keys[i]!.replace(/\.$/, ''))) {
        let j = i;
        // A hyphen joins a lower-case part to a name: Yoon Suk-yeol, Ahn Jae-eun.
        // A title inside the run ends the name before it (Congress MP Rahul Gandhi): the name after it starts anew.
        const numberAfter = (k: number) => /^\d{1,4}$/.test(ws[k]!.text) && !CALENDAR.has(keys[k - 1]!) && /^\p{Lu}/u.test(ws[k - 1]!.text);
        while (j + 1 < ws.length && !ENDS_PHRASE.test(gapBefore(j + 1)) && !taken(ws[j + 1]!) && (isLatinWord(ws[j + 1]!.text) || numberAfter(j + 1)) &&
          !isTitleKey(keys[j + 1]!.replace(/\.$/, '')) && (numberAfter(j + 1) || isCapitalised(ws[j + 1]!.text) || (gapBefore(j + 1) === '-' && !isCommonPhrase(ws[j + 1]!.text)) ||
            (CONNECTORS.has(keys[j + 1]!) && j + 2 < ws.length && isLatinWord(ws[j + 2]!.text) && isCapitalised(ws[j + 2]!.text)))) j++;
        if (titleCase) {
          i = j;
          continue;
        }
        const end = j;
        // Function words a run took in at its end ("Financials For the quarter") are no part of it.
        while (j > i && english.has(keys[j]!)) j--;
        const sentenceStart = /[.!?:"“]\s*$/.test(gapBefore(i)) || i === 0;
        const possessiveBefore = i > 0 && (/['\u2019]s$/i.test(ws[i - 1]!.text) || /['\u2019]/.test(gapBefore(i)));
        const afterTitle = titleBefore(keys.slice(Math.max(0, i - 4), i)) > 0 && !possessiveBefore;
        // A common word before a name at a sentence's start or before "ji" is no part of it ("Buy Hindustan Aeronautics", "my Mentor Rahul ji").
        const cutFirst = (sentenceStart || isHonorificAfter(keys[j + 1] ?? '')) && j > i && isCommonPhrase(w.text) && !NAME_OPENERS.has(keys[i]!) &&
          isCapitalised(ws[i + 1]!.text) && !isCommonPhrase(ws[i + 1]!.text);
        const from = cutFirst ? i + 1 : i;
        const span = ws.slice(from, j + 1);
        if (span.every(plainWord) || (span.length === 1 && sentenceStart && !afterTitle && !cutFirst) || (span.length === 1 && plainWord(ws[from]!))) {
          i = end;
          continue;
        }
        out.push(...splitRun(text, paragraph, ws, keys, from, j, afterTitle));
        i = end;
      } else if (/[\u0900-\u097F]/.test(w.text) && !hindi.has(keys[i]!)) {
        const afterTitle = titleBefore(keys.slice(Math.max(0, i - 3), i)) > 0 && !ENDS_PHRASE.test(gapBefore(i));
        if (!afterTitle || isTitleKey(keys[i]!)) continue;
        let j = i;
        while (j + 1 < ws.length && j - i < 2 && !ENDS_PHRASE.test(gapBefore(j + 1)) && !taken(ws[j + 1]!) &&
          !hindi.has(keys[j + 1]!) && !isHonorificAfter(keys[j + 1]!) && /[\u0900-\u097F]/.test(ws[j + 1]!.text)) j++;
        out.push({ paragraph, start: w.start, end: ws[j]!.end, name: text.slice(w.start, ws[j]!.end), titled: true });
        i = j;
      }
    }
  });
  // One span found by two signals (a title, and a known given name) is one name, titled if either says so.
  const byPlace = new Map<string, NameSpan>();
  for (const n of out) {
    const key = `${n.paragraph}:${n.start}:${n.end}`;
    const had = byPlace.get(key);
    byPlace.set(key, had ? { ...had, titled: had.titled || n.titled } : n);
  }
  return [...byPlace.values()];
}

/**
 * A capitalised run as names: a wire service opening it is a name of its own (the byline after
 * it another), and after a title a person's name ends before a word joined by ki/of to the next
 * ("PM Narendra Modi Mann Ki Baat": Narendra Modi, then Mann Ki Baat).
 */
function splitRun(text: string, paragraph: number, ws: Word[], keys: string[], i: number, j: number, titled: boolean): NameSpan[] {
  const span = (a: number, b: number, t: boolean): NameSpan => ({ paragraph, start: ws[a]!.start, end: ws[b]!.end, name: text.slice(ws[a]!.start, ws[b]!.end), titled: t });
  const agency = AGENCIES.find((a) => a.length < j - i + 1 && a.every((k, n) => keys[i + n] === k));
  if (agency) return [span(i, i + agency.length - 1, false), ...splitRun(text, paragraph, ws, keys, i + agency.length, j, false)];
  if (titled) {
    const joint = keys.findIndex((k, n) => n > i + 1 && n < j && (k === 'ki' || k === 'ka' || k === 'ke' || k === 'of'));
    if (joint > 0) return [span(i, joint - 2, true), span(joint - 1, j, false)];
  }
  return [span(i, j, titled)];
}
