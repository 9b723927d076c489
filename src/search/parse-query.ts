import { InvalidArgument } from '../model/domain-errors';
import { analyze } from '../text/analyze';
import { isQueryStopword } from '../text/query-stopwords';
import { pairTerm } from './index-format';

/**
 * The query language, best match by default (as Lucene's `match` query): every word is a
 * clause of its own that adds its score where it matches, and how many of them a document
 * needs is should-match.ts's rule. Strict parts: "quoted phrases" (adjacent words, in order)
 * and `+word` or `A AND B` must match; -excluded words or -"phrases" must not; `A OR B` makes
 * one clause of both (either counts, both add). Every part is analysed with the same chain as
 * the index (text/analyze.ts), so दौरे finds दौरा; a word that analyses to several words is a
 * phrase (kim-jong-un, 19-20), except in scripts written without spaces (Chinese, Japanese,
 * Thai), where each word Intl.Segmenter finds is a word of the query. Question words and
 * particles (text/query-stopwords.ts) are dropped from unquoted parts without `+`.
 */
export const MAX_QUERY_LENGTH = 256;
export const MAX_QUERY_TERMS = 32;

export type Alternative =
  | { kind: 'word'; term: string; key: string }
  | { kind: 'phrase'; terms: string[] };

/** One clause: matches when any alternative does; its score is the sum of theirs. */
export interface Clause {
  alternatives: Alternative[];
  /** Must match (quoted, `+`, AND); otherwise it counts toward should-match. */
  strict: boolean;
}

export interface ParsedQuery {
  clauses: Clause[];
  excluded: Alternative[];
  /** Pairs of adjacent plain words: optional, they lift documents where the words touch. */
  pairs: string[];
}

interface Chunk {
  text: string;
  quoted: boolean;
  excluded: boolean;
  plus: boolean;
}

/** Splits on whitespace outside quotes; an unclosed quote runs to the end. */
function chunks(query: string): Chunk[] {
  const out: Chunk[] = [];
  for (const m of query.matchAll(/([-+]?)"([^"]*)"?|(\S+)/g)) {
    if (m[3] !== undefined) {
      const sign = m[3].length > 1 ? m[3][0] : '';
      const text = sign === '-' || sign === '+' ? m[3].slice(1) : m[3];
      out.push({ text, quoted: false, excluded: sign === '-', plus: sign === '+' });
    } else out.push({ text: m[2]!, quoted: true, excluded: m[1] === '-', plus: m[1] === '+' });
  }
  return out;
}

const altKey = (alt: Alternative): string => (alt.kind === 'word' ? alt.term : alt.terms.join(' '));

/** Scripts written without spaces between words, where a run of text is several query words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * The alternatives of a chunk: one word or phrase, or each word of an unspaced run (unless
 * quoted or excluded); and its plain words in order for the adjacency bonus, null where a
 * phrase or a dropped question word breaks the run.
 */
function alternatives(chunk: Chunk, dropStopwords: boolean): { alts: Alternative[]; run: Array<string | null> } {
  const tokens = analyze(chunk.text).filter((t) => t.term !== '');
  const kept = tokens.filter((t) => !(dropStopwords && isQueryStopword(chunk.text.slice(t.start, t.end))));
  // Index stopwords leave the run whole (the index pairs words across them); question words break it.
  if (kept.length === 0) return { alts: [], run: tokens.length === 0 ? [] : [null] };
  if (kept.length > 1 && (chunk.quoted || chunk.excluded || !UNSPACED.test(chunk.text))) {
    return { alts: [{ kind: 'phrase', terms: kept.map((t) => t.term) }], run: [null] };
  }
  const alts: Alternative[] = kept.map((t) => ({ kind: 'word', term: t.term, key: t.key }));
  return { alts, run: tokens.map((t) => (kept.includes(t) ? t.term : null)) };
}

/**
 * Query words, counted as the user sees them; in an unspaced run, the distinct words that become
 * terms (particles and question words do not), so a Japanese question is not refused for its
 * particles.
 */
function termCount(parts: Chunk[]): number {
  const runWords = (c: Chunk) => {
    if (!UNSPACED.test(c.text)) return 0;
    const terms = c.quoted ? analyze(c.text).map((t) => t.term) : alternatives(c, true).alts.map((a) => (a as { term: string }).term);
    return new Set(terms.filter(Boolean)).size;
  };
  return parts.reduce((n, c) => n + Math.max(1, c.text.split(/\s+/).filter(Boolean).length, runWords(c)), 0);
}

export function parseQuery(query: string): ParsedQuery {
  if (query.trim() === '') throw new InvalidArgument('`query` is empty; type at least one word.', 'query');
  if (query.length > MAX_QUERY_LENGTH) {
    throw new InvalidArgument(`\`query\` is ${query.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed.`, 'query');
  }
  const parts = chunks(query.normalize('NFC'));
  const count = termCount(parts);
  if (count > MAX_QUERY_TERMS) {
    throw new InvalidArgument(`\`query\` has ${count} terms; at most ${MAX_QUERY_TERMS} are allowed.`, 'query');
  }
  // Question words are dropped unless nothing else is left ("who", "what if" stay findable).
  const operator = (p: Chunk) => (p.text === 'OR' || p.text === 'AND') && !p.quoted && !p.excluded && !p.plus;
  const dropStopwords = parts.some((p) => !p.excluded && !operator(p) && alternatives(p, !p.quoted && !p.plus).alts.length > 0);
  const parsed: ParsedQuery = { clauses: [], excluded: [], pairs: [] };
  let join: 'OR' | 'AND' | null = null;
  let previousWord: string | null = null;
  for (const part of parts) {
    if (operator(part)) {
      join = parsed.clauses.length > 0 ? (part.text as 'OR' | 'AND') : null;
      previousWord = null;
      continue;
    }
    const { alts, run } = alternatives(part, dropStopwords && !part.quoted && !part.plus);
    if (part.excluded) parsed.excluded.push(...alts);
    if (part.excluded) previousWord = null;
    if (alts.length === 0 || part.excluded) {
      if (run.length > 0) previousWord = null;
      continue;
    }
    const strict = part.quoted || part.plus || join === 'AND';
    if (join === 'AND') parsed.clauses.at(-1)!.strict = true;
    if (join === 'OR') {
      const last = parsed.clauses.at(-1)!;
      last.alternatives.push(...alts);
      last.strict ||= strict;
    } else if (strict) parsed.clauses.push({ alternatives: alts, strict });
    else {
      // A word said twice is one clause (it would otherwise count twice toward should-match).
      const seen = new Set(parsed.clauses.flatMap((c) => (c.strict || c.alternatives.length > 1 ? [] : c.alternatives.map(altKey))));
      for (const alt of alts) if (!seen.has(altKey(alt)) && seen.add(altKey(alt))) parsed.clauses.push({ alternatives: [alt], strict });
    }
    // Adjacent plain words (and the words of an unspaced run) lift documents where they touch.
    for (const word of join === 'OR' || part.quoted ? [null] : run) {
      if (word && previousWord) parsed.pairs.push(pairTerm(previousWord, word));
      previousWord = word;
    }
    join = null;
  }
  if (parsed.clauses.length === 0 && parsed.excluded.length > 0) {
    throw new InvalidArgument('`query` only excludes words; add at least one word to find.', 'query');
  }
  return parsed;
}
