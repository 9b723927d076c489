import type { ArticleCard, EntityDoc } from '../../src/model/documents';
import { linkedSlugs } from '../../src/model/entity-kinds';
import { keyTerm, type SuggestBucket, type SuggestEntry } from '../../src/search/index-format';
import { SUGGEST_BUCKET_MAX, SUGGEST_HEAD, SUGGEST_MAX_DEPTH, wordChars } from '../../src/search/suggest-buckets';
import { KIND_ORDER } from '../../src/search/suggest-match';
import { fold } from '../../src/text/analyze';
import { nameKey } from '../../src/text/name-key';
import { words } from '../../src/text/words';

/**
 * The type-ahead index: every word of every name and alias of every entity, folded
 * (analyze.ts `fold`), and its cross-script key (`~km` for किम and kim alike), in a trie of
 * buckets (src/search/suggest-buckets.ts): one per first character, split by the next
 * character where a bucket passes SUGGEST_BUCKET_MAX entries. Entries carry the entity's
 * article count, so popular entities come first, and all its words, so that a prefix of several
 * words is checked against an entity found under any one of them. `depth`: the deepest level written.
 */
export interface TrieLimits {
  max: number;
  head: number;
  depth: number;
}
const LIMITS: TrieLimits = { max: SUGGEST_BUCKET_MAX, head: SUGGEST_HEAD, depth: SUGGEST_MAX_DEPTH };

export function buildSuggestBuckets(entities: EntityDoc[], cards: ArticleCard[], limits = LIMITS): { buckets: Map<string, SuggestBucket>; depth: number } {
  const articleCount = new Map<string, number>();
  for (const card of cards) {
    for (const slug of new Set(linkedSlugs(card))) {
      articleCount.set(slug, (articleCount.get(slug) ?? 0) + 1);
    }
  }
  // One entry per word and entity (slugs are unique, words of one entity deduplicated): a list,
  // not a map keyed by word and slug, whose keys would cost more than the entries at a million.
  const entries: SuggestEntry[] = [];
  for (const entity of entities) {
    const own = [...new Set(entityWords(entity))];
    const all = own.join(' ');
    for (const word of own) entries.push([word, entity.slug, entity.type, articleCount.get(entity.slug) ?? 0, all]);
  }
  const out = new Map<string, SuggestBucket>();
  const tries = new Tries(out, limits);
  let depth = 1;
  for (const [bucket, group] of tries.group(entries.sort(byRank), 1)) depth = Math.max(depth, tries.place(bucket, group, 1));
  return { buckets: new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : 1))), depth };
}

const byWord = (a: SuggestEntry, b: SuggestEntry) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1);
const byRank = (a: SuggestEntry, b: SuggestEntry) => b[3] - a[3] || (KIND_ORDER[a[2]] ?? 4) - (KIND_ORDER[b[2]] ?? 4) || (a[1] < b[1] ? -1 : 1);
/** The best `n` of entries kept in rank order (all are sorted byRank once; filters and groups keep the order). */
const best = (entries: SuggestEntry[], n: number) => entries.slice(0, n);

class Tries {
  private chars = new Map<string, string[]>();
  constructor(
    private out: Map<string, SuggestBucket>,
    private limits: TrieLimits,
  ) {}

  private length(word: string): number {
    return this.charsOf(word).length;
  }

  private charsOf(word: string): string[] {
    let c = this.chars.get(word);
    if (!c) this.chars.set(word, (c = wordChars(word)));
    return c;
  }

  group(entries: SuggestEntry[], depth: number): Map<string, SuggestEntry[]> {
    const groups = new Map<string, SuggestEntry[]>();
    for (const e of entries) {
      const chars = this.charsOf(e[0]).slice(0, depth).join('');
      const bucket = e[0].startsWith('~') ? `~${chars}` : chars;
      const group = groups.get(bucket);
      if (group) group.push(e);
      else groups.set(bucket, [e]);
    }
    return groups;
  }

  /**
   * Writes the bucket of `entries` (all under `bucket`, `depth` characters long) and its
   * children; returns the deepest level written. A bucket that cannot split further (the
   * deepest level, or one word: a cross-script key many names share, a common surname) keeps
   * its best `max` entries.
   */
  place(bucket: string, entries: SuggestEntry[], depth: number): number {
    const longer = entries.filter((e) => this.length(e[0]) > depth);
    if (entries.length <= this.limits.max || depth >= this.limits.depth || longer.length === 0) {
      this.out.set(bucket, best(entries, this.limits.max).sort(byWord));
      return depth;
    }
    // Split: the words equal to the prefix stay, with the best `head` entities under it.
    const head: SuggestEntry[] = [];
    const slugs = new Set<string>();
    for (const e of longer) {
      if (slugs.size >= this.limits.head) break;
      if (!slugs.has(e[1])) head.push(e);
      slugs.add(e[1]);
    }
    const exact = entries.filter((e) => this.length(e[0]) === depth);
    this.out.set(bucket, [...best(exact, this.limits.max), ...head].sort(byWord));
    let deepest = depth + 1;
    for (const [child, group] of this.group(longer, depth + 1)) deepest = Math.max(deepest, this.place(child, group, depth + 1));
    return deepest;
  }
}

/** The folded words and cross-script keys an entity is suggested under. */
export function entityWords(entity: EntityDoc): string[] {
  const out: string[] = [];
  for (const name of [...entity.names, ...entity.aliases]) {
    for (const w of words(name.value)) {
      out.push(fold(w.text));
      const key = nameKey(w.text);
      if (key) out.push(keyTerm(key));
    }
  }
  return out.filter(Boolean);
}
