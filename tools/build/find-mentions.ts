import { words, type Word } from '../../src/text/words';

/**
 * Finds where an article names a known entity, by the entity's names and aliases: whole words
 * only (so रूस does not match inside रूसी), compared after NFC normalisation and lower-casing
 * (so precomposed क़ and क + nukta are equal), longest alias first (so संयुक्त राज्य अमेरिका wins
 * over अमेरिका), left to right without overlaps.
 */

export interface Mention {
  start: number;
  end: number;
  slug: string;
}

interface Alias {
  slug: string;
  keys: string[];
  /** What stands between its words (whitespace folded to one space), e.g. [' ', '-']. */
  gaps: string[];
  length: number;
}

export type AliasIndex = Map<string, Alias[]>;

const wordKey = (word: string): string => word.normalize('NFC').toLowerCase();
const gapKey = (gap: string): string => gap.replace(/\s+/g, ' ');

/** The form two names are compared in: their words, normalized, joined by their gaps. */
export function aliasKey(name: string): string {
  const ws = words(name);
  return ws.map((w, i) => (i ? gapKey(name.slice(ws[i - 1]!.end, w.start)) : '') + wordKey(w.text)).join('');
}

export function buildAliasIndex(entities: Array<{ slug: string; names: string[] }>): AliasIndex {
  const index: AliasIndex = new Map();
  for (const { slug, names } of entities) {
    for (const name of names) {
      const ws = words(name);
      if (ws.length === 0) continue;
      const alias: Alias = {
        slug,
        keys: ws.map((w) => wordKey(w.text)),
        gaps: ws.slice(1).map((w, i) => gapKey(name.slice(ws[i]!.end, w.start))),
        length: name.length,
      };
      const list = index.get(alias.keys[0]!) ?? [];
      list.push(alias);
      index.set(alias.keys[0]!, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.keys.length - a.keys.length || b.length - a.length);
  return index;
}

function matchesAt(text: string, ws: Word[], i: number, alias: Alias): boolean {
  if (i + alias.keys.length > ws.length) return false;
  return alias.keys.every(
    (key, k) =>
      wordKey(ws[i + k]!.text) === key &&
      (k === 0 || gapKey(text.slice(ws[i + k - 1]!.end, ws[i + k]!.start)) === alias.gaps[k - 1]),
  );
}

/** `ws` are the words of `text`, passed in when the caller has segmented it already. */
export function findMentions(text: string, index: AliasIndex, ws: Word[] = words(text)): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i < ws.length; ) {
    const alias = index.get(wordKey(ws[i]!.text))?.find((a) => matchesAt(text, ws, i, a));
    if (!alias) {
      i += 1;
      continue;
    }
    found.push({ start: ws[i]!.start, end: ws[i + alias.keys.length - 1]!.end, slug: alias.slug });
    i += alias.keys.length;
  }
  return found;
}
