import type { Word } from '../../src/text/words';
import { matchKey } from './match-key';
import type { NameSpan } from './name-span';

/**
 * Names in Devanagari found by the words around them, besides titles (tools/linking/titles.ts):
 * a dateline (माले:, नई दिल्ली: at a paragraph's start), a word for a kind of place or body
 * written after its name and part of it (मध्य प्रदेश, हिंद महासागर, नीति आयोग, डेमोक्रेटिक पार्टी),
 * and one written after it and not part of it (दतिया जिले में).
 */

const PART_OF_NAME = new Map([['प्रदेश', 1], ['महासागर', 1], ['सागर', 1], ['आयोग', 1], ['पार्टी', 2], ['एक्सप्रेस', 1]].map(([w, n]) => [matchKey(w as string), n as number]));
const AFTER_NAME = new Set(['जिले', 'जिला', 'ज़िले', 'ज़िला', 'शहर', 'गांव', 'राज्य'].map(matchKey));
const DEVANAGARI = /^[\u0900-\u097F]+$/;

export function hindiNames(text: string, paragraph: number, ws: Word[], keys: string[], plain: (i: number) => boolean, taken: (w: Word) => boolean): NameSpan[] {
  const out: NameSpan[] = [];
  const usable = (i: number) => i >= 0 && DEVANAGARI.test(ws[i]!.text) && !plain(i) && !taken(ws[i]!);
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
      while (from > i - before && usable(from - 1) && joined(from - 1, from)) from--;
      if (from < i) push(from, i);
    } else if (AFTER_NAME.has(k) && usable(i - 1) && joined(i - 1, i)) push(i - 1, i - 1);
  });
  return out;
}
