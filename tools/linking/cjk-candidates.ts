import { namesEvent, type Candidate } from './candidate';
import type { Alias, KnowledgeBase } from './knowledge-base';

/**
 * Names in Chinese and Japanese text, which puts no spaces between words: every position of a
 * run of Han and kana is tried against the names that start with its character, longest first
 * (烏克蘭, ロシア, 米国). Three checks keep a name from matching inside another word:
 *
 * - it must start and end where the language's word segmenter (UAX #29 with ICU's dictionary for
 *   Chinese and Japanese) puts a boundary: 美国 is not in 南美国家 (南美 | 国家);
 * - a katakana name must not run on into more katakana (インド is not in インドネシア);
 * - a name followed by the word for a party, a government or one of its bodies is part of a
 *   longer name the KB lacks (中国共产党, 米国政府, 美國國務院): not a mention of the country;
 *   nor is one that opens the name of a doctrine (米国例外主義).
 */

const RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u30FB\u00B7\u3005]+/gu;
const KATAKANA = /[\p{Script=Katakana}\u30FC]/u;

/** Words that make "<country><word>" an organisation's name: party, government, ministries, parliament, central bank. */
const LONGER_NAME_SUFFIX = [
  '共产党', '共產黨', '共産党', '政府', '政権', '政權', '国务院', '國務院', '国防部', '國防部', '国防総省', '国務省',
  '外交部', '教育部', '国会', '國會', '议会', '議会', '議會', '連邦', '联邦', '聯邦', '央行', '中央银行', '中央銀行',
  '大使馆', '大使館', '领事馆', '領事館',
];

const DOCTRINE = /^\p{Script=Han}{0,4}(?:主義|主义)/u;

function boundaries(text: string, language: string): Set<number> {
  const at = new Set<number>([0, text.length]);
  for (const s of new Intl.Segmenter(language, { granularity: 'word' }).segment(text)) {
    at.add(s.index);
    at.add(s.index + s.segment.length);
  }
  return at;
}

function fits(text: string, start: number, end: number, cuts: Set<number>): boolean {
  if (!cuts.has(start) || !cuts.has(end)) return false;
  const name = text.slice(start, end);
  if (KATAKANA.test(name[0]!) && start > 0 && KATAKANA.test(text[start - 1]!)) return false;
  if (KATAKANA.test(name[name.length - 1]!) && KATAKANA.test(text[end] ?? '')) return false;
  // A doctrine named after the country (米国例外主義, 美国优先主义) is not a mention of it.
  return !LONGER_NAME_SUFFIX.some((s) => text.startsWith(s, end)) && !DOCTRINE.test(text.slice(end, end + 8));
}

export function cjkCandidates(text: string, paragraph: number, kb: KnowledgeBase, language: string): Candidate[] {
  if (kb.cjk.size === 0) return [];
  const found: Candidate[] = [];
  let cuts: Set<number> | undefined;
  const scan = (from: number, to: number, outer?: Alias) => {
    for (let p = from; p < to; ) {
      const list = kb.cjk.get(text[p]!) ?? [];
      cuts ??= boundaries(text, language);
      const alias = list.find((a: Alias) => a !== outer && p + a.words[0]!.length <= to && text.startsWith(a.words[0]!, p) && fits(text, p, p + a.words[0]!.length, cuts!));
      if (!alias) {
        p += 1;
        continue;
      }
      const end = p + alias.words[0]!.length;
      found.push({ paragraph, start: p, end, alias, afterTitle: false });
      // Names inside an event's name are mentions too: 乌克兰 in 俄罗斯入侵乌克兰.
      if (!outer && namesEvent(kb, alias)) scan(p, end, alias);
      p = end;
    }
  };
  for (const run of text.matchAll(RUN)) scan(run.index, run.index + run[0].length);
  return found;
}
