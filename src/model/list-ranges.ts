/**
 * Finer dependencies on list leaves, for kept answers (src/model/answer-reads.ts). A page of a
 * list reads a prefix of one leaf (the feed's first 20 of leaf 0's 100 to 200 cards), yet any
 * change to the leaf, a card at place 150 corrected, rewrites its key. So a publish that rewrites
 * a leaf also names, beside its key, the prefixes it changed: `<leaf key>#<end>` for each end of
 * RANGE_ENDS past the first place where the old and new items differ (and, finer, which fields
 * of them: changedRanges). An answer that used only places [0, end) of a leaf depends on
 * `<leaf key>#<the first RANGE_ENDS at or past end>` instead of the key: unchanged items at
 * unchanged places are what it showed. These names are hashed into the pointer's generation
 * sets (and listed in the generation's manifest) only, never written as keys.
 */
export const RANGE_ENDS = [5, 10, 20, 50, 100] as const;

const isLeafKey = (logical: string): boolean => logical.startsWith('l:');

/** What an answer that used places [0, end) of leaf `logical` depends on: a range name, or the leaf itself past the last end. */
export function rangeKey(logical: string, end: number): string {
  const bound = RANGE_ENDS.find((e) => e >= end);
  return bound === undefined ? logical : `${logical}#${bound}`;
}

/** Whether a name of a generation's set is a range of a leaf (no key of its own), and of which leaf. */
export const leafOfRange = (name: string): string | null => (isLeafKey(name) && name.includes('#') ? name.slice(0, name.indexOf('#')) : null);

/** What an answer that used places [0, end) of leaf `logical`, and of their items only `fields`, depends on (ALL_FIELDS: whole items). */
export function rangeDependencies(logical: string, end: number, fields: ReadonlySet<string>): string[] {
  const range = rangeKey(logical, end);
  if (range === logical || fields.has(ALL_FIELDS)) return [range];
  return [`${range}@`, ...[...fields].map((f) => `${range}@${f}`)];
}

/** A use of items that sees all their fields (a spread, a serialization, a listing of keys). */
export const ALL_FIELDS = '*';

type Item = Record<string, unknown>;
const identity = (item: Item | undefined): string => (item ? `${String(item.type)}/${String(item.slug)}` : '');

/**
 * The range names a publish changes when it writes `after` (null: deletes) over `before` (null:
 * absent) at leaf key `logical`. For each end of RANGE_ENDS whose places [0, end) differ:
 * `<leaf>#<end>` (any difference); `<leaf>#<end>@` when which items stand there changed (or
 * how many); else `<leaf>#<end>@<field>` for each top-level field that differs in some item.
 * Answers that used only some fields of the same items (rangeDependencies) outlive a change
 * of the others: a correction's `dateModified`, say, under a feed that shows no such field.
 * Not a leaf: none.
 */
export function changedRanges(logical: string, before: string | null, after: string | null): string[] {
  if (!isLeafKey(logical)) return [];
  const items = (text: string | null): Item[] => {
    if (!text) return [];
    try {
      return (JSON.parse(text) as { items?: Item[] }).items ?? [];
    } catch {
      return [];
    }
  };
  const [was, is] = [items(before), items(after)];
  const names: string[] = [];
  for (const end of RANGE_ENDS) {
    const range = `${logical}#${end}`;
    const [a, b] = [was.slice(0, end), is.slice(0, end)];
    if (a.length === b.length && a.every((x, i) => JSON.stringify(x) === JSON.stringify(b[i]))) continue;
    names.push(range);
    if (a.length !== b.length || a.some((x, i) => identity(x) !== identity(b[i]))) {
      names.push(`${range}@`);
      continue;
    }
    const fields = new Set<string>();
    a.forEach((x, i) => {
      for (const f of new Set([...Object.keys(x), ...Object.keys(b[i]!)])) if (JSON.stringify(x[f]) !== JSON.stringify(b[i]![f])) fields.add(f);
    });
    names.push(...[...fields].map((f) => `${range}@${f}`));
  }
  return names;
}
