import { InvalidArgument } from '../model/domain-errors';
import { analyze } from '../text/analyze';
import { pairTerm } from './index-format';

/**
 * The query language: words (all required), "quoted phrases" (adjacent words, in order),
 * -excluded words or -"phrases", and OR between two clauses (either may match). Every part is
 * analysed with the same chain as the index (text/analyze.ts), so दौरे finds दौरा.
 * A word that analyses to several words (kim-jong-un, 19-20) is a phrase; a stopword alone
 * drops out.
 */
export const MAX_QUERY_LENGTH = 256;
export const MAX_QUERY_TERMS = 32;

export type Alternative =
  | { kind: 'word'; term: string; key: string }
  | { kind: 'phrase'; terms: string[] };

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its alternatives does (OR). */
  required: Alternative[][];
  excluded: Alternative[];
  /** Pairs of adjacent plain words: optional, they lift documents where the words touch. */
  pairs: string[];
}

interface Chunk {
  text: string;
  quoted: boolean;
  excluded: boolean;
}

/** Splits on whitespace outside quotes; an unclosed quote runs to the end. */
function chunks(query: string): Chunk[] {
  const out: Chunk[] = [];
  const pattern = /(-?)"([^"]*)"?|(\S+)/g;
  for (const m of query.matchAll(pattern)) {
    if (m[3] !== undefined) {
      const excluded = m[3].length > 1 && m[3].startsWith('-');
      out.push({ text: excluded ? m[3].slice(1) : m[3], quoted: false, excluded });
    } else out.push({ text: m[2]!, quoted: true, excluded: m[1] === '-' });
  }
  return out;
}

function toAlternative(text: string): Alternative | null {
  const tokens = analyze(text).filter((t) => t.term !== '');
  if (tokens.length === 0) return null;
  if (tokens.length === 1) return { kind: 'word', term: tokens[0]!.term, key: tokens[0]!.key };
  return { kind: 'phrase', terms: tokens.map((t) => t.term) };
}

export function parseQuery(query: string): ParsedQuery {
  if (query.trim() === '') throw new InvalidArgument('`query` is empty; type at least one word.', 'query');
  if (query.length > MAX_QUERY_LENGTH) {
    throw new InvalidArgument(`\`query\` is ${query.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed.`, 'query');
  }
  const parts = chunks(query.normalize('NFC'));
  const count = parts.reduce((n, c) => n + Math.max(1, c.text.split(/\s+/).filter(Boolean).length), 0);
  if (count > MAX_QUERY_TERMS) {
    throw new InvalidArgument(`\`query\` has ${count} terms; at most ${MAX_QUERY_TERMS} are allowed.`, 'query');
  }
  const parsed: ParsedQuery = { required: [], excluded: [], pairs: [] };
  let or = false;
  let previousWord: string | null = null;
  for (const part of parts) {
    if (part.text === 'OR' && !part.quoted && !part.excluded) {
      or = parsed.required.length > 0;
      previousWord = null;
      continue;
    }
    const alternative = toAlternative(part.text);
    if (!alternative) continue;
    if (part.excluded) {
      parsed.excluded.push(alternative);
      continue;
    }
    if (or) parsed.required.at(-1)!.push(alternative);
    else parsed.required.push([alternative]);
    const word = alternative.kind === 'word' && !part.quoted && !or ? alternative.term : null;
    if (word && previousWord) parsed.pairs.push(pairTerm(previousWord, word));
    previousWord = word;
    or = false;
  }
  if (parsed.required.length === 0 && parsed.excluded.length > 0) {
    throw new InvalidArgument('`query` only excludes words; add at least one word to find.', 'query');
  }
  return parsed;
}
