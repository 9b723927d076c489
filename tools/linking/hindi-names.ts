import type { Word } from '../../src/text/words';
import { matchKey } from './match-key';
import type { NameSpan } from './name-span';

/**
 * Names in Devanagari found by the words around them, besides titles (tools/linking/titles.ts):
 * a dateline (माले:, नई दिल्ली: at a paragraph's start), a word for a kind of place or body
 * written after its name and part of it (मध्य प्रदेश, हिंद महासागर, नीति आयोग, डेमोक्रेटिक पार्टी),
 * and one written after it and not part of it (दतिया जिले में).
 */

const PART_OF_NAME = new Map(
  [['प्रदेश', 1], ['महासागर', 1], ['सागर', 1], ['आयोग', 1], ['पार्टी', 2], ['एक्सप्रेस', 1], ['मंत्रालय', 5], ['संस्थान', 5], ['विश्वविद्यालय', 3]].map(([w, n]) => [matchKey(w as string), n as number]),
);
// "and" inside a body's name (स्वास्थ्य और परिवार कल्याण मंत्रालय), never right before its last word (विद्यार्थियों और संस्थान).
const AND = new Set(['और', 'एवं', 'व'].map(matchKey));
/**
 * Given names common in Hindi news that are no Hindi words: with the word or two after them
 * (not a stop word) they are a person's name (मोहम्मद मुइज्जू, राजेश भूषण). A list, since
 * Devanagari has no capitals; names that are also words (राम, विजय, अशोक) are left out.
 */
const GIVEN_NAMES = new Set(
  ('मोहम्मद मोहम्मद मुहम्मद सैयद अब्दुल राहुल नरेंद्र अमित राजेश विनोद सुनील अनिल संजय राजीव सोनिया प्रियंका अरविंद ममता नीतीश ' +
    'लालू अखिलेश शिवराज राजनाथ निर्मला स्मृति पीयूष मनोज सुरेश रमेश महेश दिनेश मुकेश सलमान शाहरुख आमिर अमिताभ बिमल ' +
    'इमरान नवाज़ शहबाज़ व्लादिमीर डोनाल्ड जो इमैनुएल ऋषि कमला जेलेंस्की देवेंद्र उद्धव एकनाथ भूपेश अशोक गहलोत हेमंत तेजस्वी ' +
    'मायावती ज्योतिरादित्य सिद्धारमैया रेवंत चंद्रबाबू जगन').split(' ').filter((n) => !['अशोक', 'जो'].includes(n)).map(matchKey),
);
const AFTER_NAME = new Set(['जिले', 'जिला', 'ज़िले', 'ज़िला', 'शहर', 'गांव', 'राज्य'].map(matchKey));
const DEVANAGARI = /^[\u0900-\u097F]+$/;

export function hindiNames(text: string, paragraph: number, ws: Word[], keys: string[], plain: (i: number) => boolean, taken: (w: Word) => boolean): NameSpan[] {
  const out: NameSpan[] = [];
  const usable = (i: number) => i >= 0 && i < ws.length && DEVANAGARI.test(ws[i]!.text) && !plain(i) && !taken(ws[i]!);
  const joined = (i: number, j: number) => /^\s+$/.test(text.slice(ws[i]!.end, ws[j]!.start));
  const push = (i: number, j: number) => out.push({ paragraph, start: ws[i]!.start, end: ws[j]!.end, name: text.slice(ws[i]!.start, ws[j]!.end) });
  // A dateline: one or two words, then a colon, opening the paragraph.
  for (const n of [1, 2]) {
    if (ws.length > n && ws.slice(0, n).every((_, i) => usable(i)) && /^\s*$/.test(text.slice(0, ws[0]!.start)) && /^:/.test(text.slice(ws[n - 1]!.end)) && (n === 1 || joined(0, 1))) push(0, n - 1);
  }
  keys.forEach((k, i) => {
    const before = PART_OF_NAME.get(k);
    if (before) {
      let from = i;
      while (from > i - before) {
        if (usable(from - 1) && joined(from - 1, from)) from--;
        else if (from < i && AND.has(keys[from - 1] ?? '') && usable(from - 2) && joined(from - 2, from - 1) && joined(from - 1, from)) from -= 2;
        else break;
      }
      if (from < i) push(from, i);
    } else if (AFTER_NAME.has(k) && usable(i - 1) && joined(i - 1, i)) push(i - 1, i - 1);
    if (GIVEN_NAMES.has(k) && usable(i) && !(i > 0 && GIVEN_NAMES.has(keys[i - 1]!) && joined(i - 1, i))) {
      let j = i;
      while (j - i < 3 && usable(j + 1) && joined(j, j + 1) && !AFTER_NAME.has(keys[j + 1]!) && !PART_OF_NAME.has(keys[j + 1]!)) j++;
      if (j > i) push(i, j);
    }
  });
  return out;
}
