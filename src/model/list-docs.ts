import type { ArticleCard } from './article-docs';
import type { EntityDoc } from './entity-docs';

/**
 * The documents of ordered lists (documents.ts): the head, constant-size at any length, the
 * leaves that hold the items, and the index of a long list's leaves.
 */

/** Any document a list page can hold: article cards, or whole entity documents. */
export type ListItem = ArticleCard | EntityDoc;

/**
 * One leaf of an ordered list (all articles newest first, a person's events by date, ...),
 * stored under a stable leaf id (src/model/list-layout.ts). It carries no list-wide figure, so
 * an insertion rewrites only the leaf it lands in.
 */
export interface ListChunk<T extends ListItem = ListItem> {
  items: T[];
}

/** One leaf as the list index names it: id, item count, and its first item's sort key and slug. */
export type LeafEntry = [id: number, count: number, firstKey: string, firstSlug: string];

/**
 * The head of a list, constant-size at any list length: its size, order, and where the first
 * page lies (leaf 0, which always holds the first LIST_CHUNK_SIZE items). The leaves themselves
 * are listed inline when the list is short (at most INLINE_LEAVES of them), and otherwise in
 * the list's index key, read only by requests that need it (cursors past the first leaf,
 * date ranges, filters).
 */
export interface ListHead {
  total: number;
  /** The leaves in list order, when the list is short; absent when they are in the index key. */
  leaves?: LeafEntry[];
  /** 'desc' when the list runs from the largest key down (articles: newest first). */
  order: 'asc' | 'desc';
  /** 'en' when keys are names compared by English collation, not by code point. */
  collation?: 'en';
  /** 'modified' when articles are keyed by their last change (src/model/sort-key.ts modifiedKey), not their publication. */
  by?: 'modified';
}

/** A long list's leaves in list order (v:<ver>:x:<list>). */
export interface ListIndex {
  leaves: LeafEntry[];
}
