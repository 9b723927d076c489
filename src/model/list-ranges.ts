/**
 * Finer dependencies on list leaves, for kept answers (src/model/answer-reads.ts). A page of a
 * list reads a prefix of one leaf (the feed's first 20 of leaf 0's 100 to 200 cards), yet any
 * change to the leaf, a card at place 150 corrected, rewrites its key. So a publish that rewrites
 * a leaf also names, beside its key, the prefixes it changed: `<leaf key>#<end>` for each end of
 * RANGE_ENDS past the first place where the old and new items differ. An answer that used only
 * places [0, end) of a leaf depends on `<leaf key>#<the first RANGE_ENDS at or past end>`
 * instead of the key: unchanged items at unchanged places are what it showed. These names are
 * hashed into the pointer's generation sets only, never written as keys.
 */
export const RANGE_ENDS = [5, 10, 20, 50, 100] as const;

const isLeafKey = (logical: string): boolean => logical.startsWith('l:');

/** What an answer that used places [0, end) of leaf `logical` depends on: a range name, or the leaf itself past the last end. */
export function rangeKey(logical: string, end: number): string {
  const bound = RANGE_ENDS.find((e) => e >= end);
  return bound === undefined ? logical : `${logical}#${bound}`;
}

/** Every range name leaf key `logical` may come with in a generation's set (none for other keys). */
export const rangeNames = (logical: string): string[] => (isLeafKey(logical) ? RANGE_ENDS.map((end) => `${logical}#${end}`) : []);

/**
 * The range names a publish changes when it writes `after` (null: deletes) over `before` (null:
 * absent) at leaf key `logical`: every end past the first place whose item differs. Not a leaf: none.
 */
export function changedRanges(logical: string, before: string | null, after: string | null): string[] {
  if (!isLeafKey(logical)) return [];
  const items = (text: string | null): string[] => {
    if (!text) return [];
    try {
      return ((JSON.parse(text) as { items?: unknown[] }).items ?? []).map((item) => JSON.stringify(item));
    } catch {
      return [];
    }
  };
  const [was, is] = [items(before), items(after)];
  let same = 0;
  while (same < was.length && same < is.length && was[same] === is[same]) same++;
  // Equal items but a new length: the place after the shorter run changed.
  return rangeNames(logical).filter((_, i) => same < RANGE_ENDS[i]!);
}
