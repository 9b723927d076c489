import { InvalidArgument } from '../model/domain-errors';
import type { EntityType } from '../model/entity-kinds';
import { fold } from '../text/analyze';
import { nameKey } from '../text/name-key';
import { words } from '../text/words';
import { keyTerm, type SuggestBucket } from './index-format';
import { deepestBucket, pathBuckets } from './suggest-buckets';

/**
 * Type-ahead over entity names: each word of the prefix must begin a word of one of the
 * entity's names or aliases, natively (folded: किम, kim) or by cross-script key (kim -> ~km
 * finds किम). Entities matched natively by every word come first, then those in more articles,
 * then by kind: people before organizations, places and events (whose names often contain a
 * person's: "Putin-Kim summit"), then by slug.
 */
export const KIND_ORDER: Record<string, number> = { Person: 0, Organization: 1, Place: 2, Event: 3 };
export const MAX_PREFIX_LENGTH = 64;
export const DEFAULT_SUGGESTIONS = 10;
export const MAX_SUGGESTIONS = 50;

export interface PrefixWord {
  folded: string;
  /** `~key`, or '' when the word has too few consonants to key on. */
  key: string;
}

export function parsePrefix(prefix: string, first: number | null | undefined): { words: PrefixWord[]; first: number } {
  if (prefix.trim() === '') throw new InvalidArgument('`prefix` is empty; type at least one letter.', 'prefix');
  if (prefix.length > MAX_PREFIX_LENGTH) {
    throw new InvalidArgument(`\`prefix\` is ${prefix.length} characters long; at most ${MAX_PREFIX_LENGTH} are allowed.`, 'prefix');
  }
  if (first != null && (first < 0 || first > MAX_SUGGESTIONS)) {
    throw new InvalidArgument(`\`first\` must be between 0 and ${MAX_SUGGESTIONS}; it was ${first}.`, 'first');
  }
  const ws = words(prefix).map((w) => {
    const key = nameKey(w.text);
    return { folded: fold(w.text), key: key ? keyTerm(key) : '' };
  });
  return { words: ws, first: first ?? DEFAULT_SUGGESTIONS };
}

/** The buckets on the paths of the prefix's words in a trie `depth` deep (suggest-buckets.ts): all read at once. */
export const prefixBuckets = (ws: PrefixWord[], depth?: number): string[] => [
  ...new Set(ws.flatMap((w) => [...pathBuckets(w.folded, depth), ...(w.key ? pathBuckets(w.key, depth) : [])])),
];

export interface Suggestion {
  type: EntityType;
  slug: string;
}

export function matchSuggestions(ws: PrefixWord[], buckets: Map<string, SuggestBucket | null | undefined>, first: number, depth?: number): Suggestion[] {
  const found = new Map<string, { type: string; native: number; matched: number; articles: number; words?: string }>();
  ws.forEach((w) => {
    const seen = new Map<string, boolean>();
    const scan = (word: string, native: boolean) => {
      for (const [entry, slug, type, articles, words] of deepestBucket(word, depth, buckets)) {
        if (!entry.startsWith(word)) continue;
        seen.set(slug, seen.get(slug) || native);
        if (!found.has(slug)) found.set(slug, { type, native: 0, matched: 0, articles, words });
      }
    };
    scan(w.folded, true);
    if (w.key) scan(w.key, false);
    for (const [slug, native] of seen) {
      const f = found.get(slug)!;
      f.matched += 1;
      f.native += native ? 1 : 0;
    }
  });
  // An entity found under one word is checked against the others by its own words: a short word's
  // bucket may hold only the best of a long list (suggest-buckets.ts), "rilo mi" must still find Rilo Mika.
  if (ws.length > 1) {
    for (const f of found.values()) {
      if (f.words === undefined) continue;
      const own = f.words.split(' ');
      const native = ws.filter((w) => own.some((x) => !x.startsWith('~') && x.startsWith(w.folded)));
      f.native = native.length;
      f.matched = ws.filter((w) => native.includes(w) || (w.key && own.some((x) => x.startsWith(w.key)))).length;
    }
  }
  return [...found]
    .filter(([, f]) => f.matched === ws.length)
    .sort(([a, x], [b, y]) => y.native - x.native || y.articles - x.articles || (KIND_ORDER[x.type] ?? 4) - (KIND_ORDER[y.type] ?? 4) || (a < b ? -1 : 1))
    .slice(0, first)
    .map(([slug, f]) => ({ type: f.type as EntityType, slug }));
}
