import { words, type Word } from '../../src/text/words';
import { ENGLISH_STOPWORDS } from '../../src/text/english-stopwords';
import { HINDI_STOPWORDS } from '../../src/text/hindi-stopwords';
import { isCapitalised, isLatinWord, matchKey } from './match-key';
import { isHonorificAfter, isTitleKey, titleBefore } from './titles';
import { isTag, isTitleCase } from './news-text';
import { isCommonPhrase } from './common-words';
import { titledCjkNames } from './cjk-names';
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
const hindi = new Set([...HINDI_STOPWORDS, 'आज', 'कल', 'हर', 'देश', 'दुनिया', 'सरकार', 'फिर', 'अब', 'सबसे', 'लगातार'].map(matchKey));
const ENDS_PHRASE = /[.,;:!?।|()[\]"“”‘’'\u2013\u2014]/;

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
    out.push(...titledCjkNames(text, paragraph, language, (start, end) => here.some((m) => m.start < end && start < m.end)));
    out.push(...hindiNames(text, paragraph, ws, keys, (i) => hindi.has(keys[i]!), taken));
    // In a Title Case headline every word is capitalised: its names are found in the body.
    const titleCase = isTitleCase(text, ws);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      if (taken(w) || isTag(text, w.start)) continue;
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
        const span = ws.slice(i, j + 1);
        const sentenceStart = /[.!?:"“]\s*$/.test(gapBefore(i)) || i === 0;
        const afterTitle = titleBefore(keys.slice(Math.max(0, i - 3), i)) > 0;
        if (span.every(plainWord) || (span.length === 1 && sentenceStart && !afterTitle) || (span.length === 1 && plainWord(w))) {
          i = j;
          continue;
        }
        out.push({ paragraph, start: w.start, end: ws[j]!.end, name: text.slice(w.start, ws[j]!.end), titled: afterTitle });
        i = j;
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
  return out;
}
