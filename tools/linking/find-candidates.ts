import { words, type Word } from '../../src/text/words';
import type { Alias, KnowledgeBase } from './knowledge-base';
import { isAcronym, isCapitalised, isHangul, isLatinWord, KOREAN_PARTICLES, matchKey } from './match-key';
import { isTitleKey, titleBefore } from './titles';
import { ENGLISH_STOPWORDS } from '../../src/text/english-stopwords';

/**
 * Spans of a paragraph that name entities of the knowledge base: whole words (so रूस does not
 * match inside रूसी), compared by match key (spelling variants, case, diacritics), longest alias
 * first, left to right without overlaps. A span may name several entities; resolve-context.ts
 * picks one by context or leaves it unlinked.
 */

export interface Candidate {
  paragraph: number;
  start: number;
  end: number;
  alias: Alias;
  /** A title stands right before the name (राष्ट्रपति पुतिन, President Putin). */
  afterTitle: boolean;
}

/** Between two words of one name: spaces or a hyphen, never punctuation that ends a phrase. */
const NAME_GAP = /^[\s\u00A0\-\u2010\u2011]+$/;

function wordMatches(word: Word, key: string, alias: Alias, k: number, last: boolean): boolean {
  if (alias.acronym[k]) return word.text === alias.words[k];
  const wordKey = matchKey(word.text);
  if (wordKey === key) return true;
  // 북한이, 멕시코의: the name with a Korean particle written onto it.
  return last && isHangul(word.text) && wordKey.startsWith(key) && KOREAN_PARTICLES.includes(wordKey.slice(key.length));
}

function matchAt(text: string, ws: Word[], i: number, alias: Alias): boolean {
  if (i + alias.keys.length > ws.length) return false;
  if (alias.latin && !alias.acronym[0] && !isCapitalised(ws[i]!.text)) return false;
  return alias.keys.every(
    (key, k) =>
      (k === 0 || NAME_GAP.test(text.slice(ws[i + k - 1]!.end, ws[i + k]!.start))) &&
      wordMatches(ws[i + k]!, key, alias, k, k === alias.keys.length - 1),
  );
}

/**
 * In Latin script a capitalised word right before or after a name makes it part of a longer
 * name the KB does not hold: "India" in "Digital India" or "All India Radio" names a programme
 * and a broadcaster, not the country. Titles (President), stop words (The), acronyms (T.B.)
 * and the start of a sentence do not count.
 */
function insideLongerName(text: string, ws: Word[], first: number, last: number): boolean {
  const joins = (a: Word, b: Word) => NAME_GAP.test(text.slice(a.end, b.start));
  const namelike = (w: Word | undefined) => {
    if (!w || !isLatinWord(w.text) || !isCapitalised(w.text) || isAcronym(w.text)) return false;
    const key = matchKey(w.text);
    return !ENGLISH_STOPWORDS.has(key) && !isTitleKey(key);
  };
  const before = ws[first - 1];
  // A possessive ends a name: "India's G20 Presidency" is India's.
  const after = /['\u2019]s$/i.test(ws[last]!.text) ? undefined : ws[last + 1];
  return (namelike(before) && joins(before!, ws[first]!)) || (namelike(after) && joins(ws[last]!, after!));
}

/** The index's first-word lookup, with a Korean particle stripped when the word has one. */
function aliasesFor(kb: KnowledgeBase, word: string): Alias[] {
  const key = matchKey(word);
  const direct = kb.aliases.get(key) ?? [];
  if (!isHangul(word)) return direct;
  const stripped = KOREAN_PARTICLES.filter((p) => key.endsWith(p) && key.length > p.length).flatMap(
    (p) => kb.aliases.get(key.slice(0, -p.length)) ?? [],
  );
  return [...direct, ...stripped].sort((a, b) => b.keys.length - a.keys.length);
}

export function findCandidates(paragraphs: string[], kb: KnowledgeBase, language: string, segmented?: Word[][]): Candidate[] {
  const found: Candidate[] = [];
  paragraphs.forEach((text, paragraph) => {
    const ws = segmented?.[paragraph] ?? words(text, language);
    const keys: string[] = [];
    for (let i = 0; i < ws.length; ) {
      const alias = aliasesFor(kb, ws[i]!.text).find((a) => matchAt(text, ws, i, a));
      if (!alias || (alias.latin && insideLongerName(text, ws, i, i + alias.keys.length - 1))) {
        keys.push(matchKey(ws[i]!.text));
        i += 1;
        continue;
      }
      const end = i + alias.keys.length - 1;
      const afterTitle = titleBefore(keys.slice(-3)) > 0;
      found.push({ paragraph, start: ws[i]!.start, end: endOf(ws[end]!, alias), alias, afterTitle });
      for (let k = i; k <= end; k++) keys.push(matchKey(ws[k]!.text));
      i = end + 1;
    }
  });
  return found;
}

/** A mention ends where the name ends: before a Korean particle or an English possessive. */
function endOf(word: Word, alias: Alias): number {
  if (/['\u2019]s$/i.test(word.text) && isLatinWord(word.text)) return word.end - 2;
  if (!isHangul(word.text)) return word.end;
  const last = alias.keys[alias.keys.length - 1]!;
  return matchKey(word.text).startsWith(last) ? word.start + last.length : word.end;
}
