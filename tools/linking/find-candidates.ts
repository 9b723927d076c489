import { words, type Word } from '../../src/text/words';
import type { Alias, KnowledgeBase } from './knowledge-base';
import { isAcronym, isCapitalised, isHangul, isLatinWord, KOREAN_PARTICLES, matchKey } from './match-key';
import { isTitleKey, titleBefore } from './titles';
import { ENGLISH_STOPWORDS } from '../../src/text/english-stopwords';
import { namesEvent, type Candidate } from './candidate';
import { cjkCandidates } from './cjk-candidates';
import { commonWordInCapitals, isGovernmentWord, isShouted, isTag, isTitleCase } from './news-text';
import { loanwordPlural } from './hindi-variants';

export type { Candidate } from './candidate';

/**
 * Spans of a paragraph that name entities of the knowledge base: whole words (so रूस does not
 * match inside रूसी), compared by match key (spelling variants, case, diacritics), longest alias
 * first, left to right without overlaps. A span may name several entities; resolve-context.ts
 * picks one by context or leaves it unlinked.
 */

/** Between two words of one name: spaces or a hyphen, never punctuation that ends a phrase. */
const NAME_GAP = /^[\s\u00A0\-\u2010\u2011]+$/;

/** A word in capitals only: in running text an acronym (INDIA bloc), not the name "India". */
const ALL_CAPS = /^[\p{Lu}\d'’.-]+$/u;

function wordMatches(word: Word, key: string, alias: Alias, k: number, last: boolean, shouted: boolean): boolean {
  // US, US's (a possessive acronym): the acronym only as written.
  if (alias.acronym[k]) return word.text.replace(/['\u2019]s$/, '') === alias.words[k];
  if (alias.latin && !shouted && word.text.length > 1 && ALL_CAPS.test(word.text)) return false;
  const wordKey = matchKey(word.text);
  if (wordKey === key) return true;
  // मालदीव्स for मालदीव: an English plural written onto a Hindi loanword.
  if (last && loanwordPlural(wordKey, key)) return true;
  // 북한이, 멕시코의: the name with a Korean particle written onto it.
  return last && isHangul(word.text) && wordKey.startsWith(key) && KOREAN_PARTICLES.includes(wordKey.slice(key.length));
}

function matchAt(text: string, ws: Word[], i: number, alias: Alias, shouted: boolean): boolean {
  if (i + alias.keys.length > ws.length) return false;
  if (alias.latin && !alias.acronym[0] && !isCapitalised(ws[i]!.text)) return false;
  return alias.keys.every((key, k) => {
    const gap = k === 0 ? '' : text.slice(ws[i + k - 1]!.end, ws[i + k]!.start);
    return (k === 0 || NAME_GAP.test(gap) || gap === alias.gaps[k - 1]) &&
      wordMatches(ws[i + k]!, key, alias, k, k === alias.keys.length - 1, shouted);
  });
}

/** Checks on a match that only the news around it can make (news-text.ts). */
function rejectedByContext(text: string, ws: Word[], i: number, alias: Alias): boolean {
  const end = i + alias.keys.length - 1;
  if (isTag(text, ws[i]!.start)) return true;
  if (alias.acronym[0] && commonWordInCapitals(ws, i, alias.words)) return true;
  return isGovernmentWord(ws[end + 1]) && !/[.,;:!?।]/.test(text.slice(ws[end]!.end, ws[end + 1]!.start));
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
  // "Election Commission of India", "Bank of the Philippines": a capitalised word, then "of"
  // or "of the", then the name makes one longer name (titles excepted: "President of India").
  const k = (i: number) => (ws[i] ? matchKey(ws[i]!.text) : '');
  const ofAt = k(first - 1) === 'of' ? first - 1 : k(first - 1) === 'the' && k(first - 2) === 'of' ? first - 2 : -1;
  const ofLonger = ofAt > 0 && namelike(ws[ofAt - 1]);
  return (namelike(before) && joins(before!, ws[first]!)) || (namelike(after) && joins(ws[last]!, after!)) || ofLonger;
}

/** The index's first-word lookup, with a Korean particle stripped when the word has one. */
function aliasesFor(kb: KnowledgeBase, word: string): Alias[] {
  const key = matchKey(word);
  const direct = kb.aliases.get(key) ?? [];
  const singular = key.slice(0, -1);
  if (loanwordPlural(key, singular)) return [...direct, ...(kb.aliases.get(singular) ?? [])].sort((a, b) => b.keys.length - a.keys.length);
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
    const shouted = isShouted(text);
    const titleCase = isTitleCase(text, ws);
    const keys: string[] = [];
    const here: Candidate[] = cjkCandidates(text, paragraph, kb, language);
    for (let i = 0; i < ws.length; ) {
      const alias = CJK_WORD.test(ws[i]!.text) ? undefined : aliasesFor(kb, ws[i]!.text).find((a) => matchAt(text, ws, i, a, shouted));
      if (!alias || rejectedByContext(text, ws, i, alias) || (alias.latin && !titleCase && insideLongerName(text, ws, i, i + alias.keys.length - 1))) {
        keys.push(matchKey(ws[i]!.text));
        i += 1;
        continue;
      }
      const end = i + alias.keys.length - 1;
      const afterTitle = titleBefore(keys.slice(-3)) > 0;
      here.push({ paragraph, start: ws[i]!.start, end: endOf(text, ws[end]!, alias), alias, afterTitle });
      // Names inside an event's name are mentions too: यूक्रेन in यूक्रेन जंग.
      if (namesEvent(kb, alias)) {
        for (let j = i; j <= end; j++) {
          const inner = aliasesFor(kb, ws[j]!.text).find((a) => a !== alias && j + a.keys.length - 1 <= end && matchAt(text, ws, j, a, shouted));
          if (inner) here.push({ paragraph, start: ws[j]!.start, end: endOf(text, ws[j + inner.keys.length - 1]!, inner), alias: inner, afterTitle: false });
        }
      }
      for (let k = i; k <= end; k++) keys.push(matchKey(ws[k]!.text));
      i = end + 1;
    }
    found.push(...here.sort((a, b) => a.start - b.start || b.end - a.end));
  });
  return found;
}

/** Han and kana are matched by characters (cjk-candidates.ts), not by words. */
const CJK_WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A mention ends where the name ends: before a Korean particle or an English possessive, after the full stop of "U.S.". */
function endOf(text: string, word: Word, alias: Alias): number {
  if (/['\u2019]s$/i.test(word.text) && isLatinWord(word.text)) return word.end - 2;
  if (alias.dotted && text[word.end] === '.') return word.end + 1;
  if (!isHangul(word.text)) return word.end;
  const last = alias.keys[alias.keys.length - 1]!;
  return matchKey(word.text).startsWith(last) ? word.start + last.length : word.end;
}
