import type { LeafEntry, ListHead } from './documents';
import { LIST_CHUNK_SIZE } from './keys';

/**
 * How a stored list is cut into leaves, shared by the build (tools/compile/build-list.ts,
 * tools/delta/list-update.ts) and the reader (src/graph/list-leaves.ts).
 *
 * A list is a one-level B+-tree (Bayer & McCreight 1972): leaves of items in list order, each
 * under a stable id, and an index of the leaves' first keys and counts. A full build cuts
 * leaves of LIST_CHUNK_SIZE with ids 0, 1, 2, ...; a publish inserts into the one leaf an item
 * sorts into and splits it in two when it passes MAX_LEAF items (the left half keeps its id),
 * and merges a leaf that falls under MIN_LEAF into its neighbour. So an insertion or removal
 * rewrites O(1) leaves, the list's head and (for a long list) its index, never the others.
 *
 * Leaf 0 always holds the list's first min(total, LIST_CHUNK_SIZE) items, so the first page
 * (at most MAX_PAGE_SIZE = LIST_CHUNK_SIZE items) is read from the head and leaf 0 alone, in
 * one round trip, without the index. A list of at most INLINE_ITEMS items keeps its leaf
 * entries in the head (at most INLINE_ITEMS / MIN_LEAF of them: the head stays constant-size);
 * a longer one keeps them in its index key.
 */
export const MAX_LEAF = 2 * LIST_CHUNK_SIZE;
export const MIN_LEAF = LIST_CHUNK_SIZE / 2;
export const INLINE_ITEMS = 8 * LIST_CHUNK_SIZE;

/** Whether a list of `total` items keeps its leaf entries in a separate index key. */
export const indexApart = (total: number): boolean => total > INLINE_ITEMS;

/** The head of a list whose leaves are `leaves`. */
export function headFor(total: number, leaves: LeafEntry[], order: Pick<ListHead, 'order' | 'collation' | 'by'>): ListHead {
  return indexApart(total) ? { total, ...order } : { total, leaves, ...order };
}

/** The position of each leaf's first item. */
export function leafStarts(leaves: readonly LeafEntry[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const [, count] of leaves) {
    starts.push(at);
    at += count;
  }
  return starts;
}

/**
 * A list cursor's offset hint, with one more bit: whether the list kept its index apart when
 * the cursor was issued, so the next page asks for the index in the same round trip as the head.
 * Both follow from the item's place and the list's size alone, not from how it is cut into
 * leaves, so a list built in full and one published piecemeal issue the same cursors.
 */
export const encodeListHint = (offset: number, total: number): number => offset * 2 + (indexApart(total) ? 1 : 0);
export const decodeListHint = (hint: number): { offset: number; apart: boolean } => ({
  offset: Math.floor(hint / 2),
  apart: hint % 2 === 1,
});
