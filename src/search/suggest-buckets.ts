import type { SuggestBucket } from './index-format';

/**
 * Where a type-ahead word lives: a trie of buckets over the first characters of folded words
 * and cross-script keys (`~` and the key's letters), split where a bucket passes
 * SUGGEST_BUCKET_MAX entries, so that a prefix reads about the same bytes however large the
 * knowledge base grows. A bucket that is split keeps the best SUGGEST_HEAD entities under it
 * (what a prefix that short can show) and the words equal to its prefix; its children hold the
 * rest. The deepest bucket on a word's path therefore holds every entry of that word, and a
 * reader that knows the trie's depth (the pointer's `suggest`) reads every bucket on the path
 * in one round trip and keeps the deepest one found: no read of the trie's shape first. A
 * bucket that cannot split (the deepest level; one cross-script key or surname that thousands
 * of names share) keeps its best SUGGEST_BUCKET_MAX entries: past that, type-ahead shows the
 * entities in most articles, not every one.
 */
export const SUGGEST_BUCKET_MAX = 512;
export const SUGGEST_MAX_DEPTH = 6;
export const SUGGEST_HEAD = 50;

/** Characters of a word that count for its depth: a key's letters after `~`, by code point. */
export const wordChars = (word: string): string[] => Array.from(word.startsWith('~') ? word.slice(1) : word);

/** The bucket of a word at `depth` (1: its first character; keys keep their `~`). */
export function bucketAt(word: string, depth: number): string {
  const chars = wordChars(word).slice(0, depth).join('');
  return word.startsWith('~') ? `~${chars}` : chars;
}

/** The buckets on a word's path, shallowest first, in a trie `depth` deep (absent: 1, one bucket per first character). */
export function pathBuckets(word: string, depth = 1): string[] {
  const n = Math.min(wordChars(word).length, Math.max(1, depth));
  return Array.from({ length: n }, (_, i) => bucketAt(word, i + 1));
}

/** The deepest bucket read on a word's path: it holds every entry of the word (empty when none). */
export function deepestBucket(word: string, depth: number | undefined, buckets: Map<string, SuggestBucket | null | undefined>): SuggestBucket {
  const path = pathBuckets(word, depth);
  for (let i = path.length - 1; i >= 0; i--) {
    const found = buckets.get(path[i]!);
    if (found) return found;
  }
  return [];
}
