import type { LeafEntry, ListHead, ListItem } from '../../src/model/documents';
import { LIST_CHUNK_SIZE, listChunkKey, listHeadKey, listIndexKey } from '../../src/model/keys';
import { indexApart, MAX_LEAF, MIN_LEAF } from '../../src/model/list-layout';
import { compareInList, cursorKeyOf, type ListOrder } from '../../src/model/sort-key';
import { leafEntry, listFrame } from '../compile/build-list';
import type { KvEntry } from '../compile/kv-entry';

/**
 * One list's change in a publish (src/model/list-layout.ts): remove some items, insert others,
 * rewriting only the leaves they land in (plus a neighbour when a leaf splits or underflows),
 * the head and, for a long list, the index. `readLeaves` reads leaves of the previous version.
 */
export interface ListChange {
  name: string;
  order: ListOrder;
  /** The list in the previous version: its size and leaf entries; null when it had none. */
  before: { total: number; leaves: LeafEntry[] } | null;
  /** Slugs of the items to take out (an item moved or corrected is taken out and put back). */
  remove: string[];
  /** Where each removed item was: its sort key, to find its leaf. */
  removeKeys: Array<readonly [string, string]>;
  add: ListItem[];
}

export interface ListUpdate {
  entries: KvEntry[];
  /** Keys (under the new version) the previous version had and the new one drops. */
  deleted: string[];
}

interface Leaf {
  id: number;
  items: ListItem[];
}

export async function updateList(
  version: string,
  change: ListChange,
  readLeaves: (list: string, ids: number[]) => Promise<Map<number, ListItem[]>>,
): Promise<ListUpdate> {
  const { name, order } = change;
  const cmp = (a: readonly [string, string], b: readonly [string, string]) => compareInList(order, a, b);
  const entries = change.before?.leaves.map(([id, count, key, slug]) => ({ id, count, first: [key, slug] as const })) ?? [];
  const loaded = new Map<number, Leaf>();
  // The leaf a key falls in: the last whose first key is at or before it (binary search).
  const leafAt = (key: readonly [string, string]): number => {
    let at = 0;
    for (let lo = 0, hi = entries.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      if (cmp(entries[mid]!.first, key) <= 0) [at, lo] = [mid, mid + 1];
      else hi = mid - 1;
    }
    return at;
  };
  const load = async (positions: number[]) => {
    const ids = [...new Set(positions.map((p) => entries[p]!.id))].filter((id) => !loaded.has(id));
    if (ids.length === 0) return;
    const read = await readLeaves(name, ids);
    for (const id of ids) {
      const items = read.get(id);
      if (!items) throw new Error(`List ${name} is missing leaf ${id} in the previous version.`);
      loaded.set(id, { id, items: [...items] });
    }
  };

  if (entries.length === 0) entries.push({ id: 0, count: 0, first: ['', ''] as const });
  else await load([...change.removeKeys.map(leafAt), ...change.add.map((a) => leafAt(cursorKeyOf(a, order)))]);
  if (!loaded.has(0) && change.before === null) loaded.set(0, { id: 0, items: [] });
  const removing = new Set(change.remove);
  for (const key of change.removeKeys) {
    const leaf = loaded.get(entries[leafAt(key)]!.id)!;
    leaf.items = leaf.items.filter((item) => !removing.has(item.slug));
  }
  for (const item of change.add) {
    const leaf = loaded.get(entries[leafAt(cursorKeyOf(item, order))]!.id)!;
    const at = leaf.items.findIndex((other) => cmp(cursorKeyOf(other, order), cursorKeyOf(item, order)) > 0);
    leaf.items.splice(at === -1 ? leaf.items.length : at, 0, item);
  }
  return rebalance(version, change, entries, loaded, load);
}

interface Slot {
  id: number;
  count: number;
  first: readonly [string, string];
  leaf?: Leaf;
  dirty?: boolean;
}

/**
 * Restores the layout's invariants over the leaves just edited: a leaf past MAX_LEAF splits
 * into leaves of LIST_CHUNK_SIZE (the first keeps its id); an emptied leaf goes; a leaf under
 * MIN_LEAF (but the last, which a full build cuts short too) merges with its left neighbour (or shares evenly with it when they are too many for
 * one); leaf 0 (always id 0) is topped up from leaf 1 to the first page's LIST_CHUNK_SIZE
 * items. Then writes what changed.
 */
async function rebalance(
  version: string,
  change: ListChange,
  entries: Array<{ id: number; count: number; first: readonly [string, string] }>,
  loaded: Map<number, Leaf>,
  load: (positions: number[]) => Promise<void>,
): Promise<ListUpdate> {
  const before = new Set(change.before?.leaves.map(([id]) => id) ?? []);
  let nextId = Math.max(0, ...before) + 1;
  let slots: Slot[] = entries.map((e) => ({ ...e, leaf: loaded.get(e.id), dirty: loaded.has(e.id) }));
  const total = () => slots.reduce((n, s) => n + (s.leaf ? s.leaf.items.length : s.count), 0);
  const size = (s: Slot) => (s.leaf ? s.leaf.items.length : s.count);
  for (let pass = 0; ; pass++) {
    if (pass > 8) throw new Error(`List ${change.name} did not settle into leaves.`);
    // Splits and removals of emptied leaves (never leaf 0: it keeps id 0 for the first page).
    slots = slots.flatMap((s, i): Slot[] => {
      if (!s.leaf) return [s];
      if (s.leaf.items.length === 0 && i > 0) return [];
      if (s.leaf.items.length <= MAX_LEAF) return [s];
      const pieces: Slot[] = [];
      for (let k = 0; k < s.leaf.items.length; k += LIST_CHUNK_SIZE) {
        const id = k === 0 ? s.id : nextId++;
        pieces.push({ id, count: 0, first: ['', ''], leaf: { id, items: s.leaf.items.slice(k, k + LIST_CHUNK_SIZE) }, dirty: true });
      }
      return pieces;
    });
    const n = total();
    const need = new Set<number>();
    slots.forEach((s, i) => {
      if (!s.dirty) return;
      if (i === 0 && size(s) < Math.min(n, LIST_CHUNK_SIZE) && slots[1]) need.add(1);
      if (i > 0 && i < slots.length - 1 && size(s) < MIN_LEAF) need.add(i - 1);
    });
    const missing = [...need].filter((i) => !slots[i]!.leaf);
    if (missing.length > 0) {
      await load(missing.map((i) => entries.findIndex((e) => e.id === slots[i]!.id)));
      for (const i of missing) slots[i] = { ...slots[i]!, leaf: loaded.get(slots[i]!.id) };
    }
    let moved = false;
    slots.forEach((s, i) => {
      if (moved || !s.dirty) return;
      const pair = i === 0 && size(s) < Math.min(n, LIST_CHUNK_SIZE) && slots[1] ? 0 : i > 0 && i < slots.length - 1 && size(s) < MIN_LEAF ? i - 1 : -1;
      if (pair === -1) return;
      const [a, b] = [slots[pair]!, slots[pair + 1]!];
      const all = [...a.leaf!.items, ...b.leaf!.items];
      // Leaf 0 takes what it lacks of a first page when leaf 1 keeps MIN_LEAF; otherwise the two
      // merge, or split evenly when one leaf cannot hold them.
      const topUp = pair === 0 && (pair + 1 === slots.length - 1 || all.length - LIST_CHUNK_SIZE >= MIN_LEAF);
      const cut = topUp ? LIST_CHUNK_SIZE : all.length <= MAX_LEAF ? all.length : all.length >> 1;
      a.leaf = { id: a.id, items: all.slice(0, cut) };
      b.leaf = { id: b.id, items: all.slice(cut) };
      a.dirty = b.dirty = moved = true;
    });
    if (!moved) break;
  }
  return emit(version, change, slots, before, total());
}

function emit(version: string, change: ListChange, slots: Slot[], before: Set<number>, total: number): ListUpdate {
  const { name, order } = change;
  const frame = (s: Slot): LeafEntry => (s.leaf ? leafEntry(s.id, s.leaf.items, order) : [s.id, s.count, s.first[0], s.first[1]]);
  const kept = total === 0 ? [] : slots;
  const after = new Set(kept.map((s) => s.id));
  const deleted = [...before].filter((id) => !after.has(id)).map((id) => listChunkKey(version, name, id));
  const apartBefore = indexApart(change.before?.total ?? 0);
  if (apartBefore && !indexApart(total)) deleted.push(listIndexKey(version, name));
  if (total === 0 && change.before) deleted.push(listHeadKey(version, name));
  const entries: KvEntry[] = total === 0 ? [] : listFrame(version, name, total, kept.map(frame), order);
  for (const s of kept) if (s.dirty) entries.push({ key: listChunkKey(version, name, s.id), value: { items: s.leaf!.items } });
  return { entries, deleted };
}

/** The head a list change starts from, read from the previous version (head, then index). */
export type ListBefore = ListChange['before'];
export const beforeOf = (head: ListHead | null, index: { leaves: LeafEntry[] } | null): ListBefore =>
  head ? { total: head.total, leaves: head.leaves ?? index?.leaves ?? [] } : null;
