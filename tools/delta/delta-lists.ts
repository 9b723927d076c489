import type { LeafEntry, ListHead, ListIndex, ListItem } from '../../src/model/documents';
import { indexApart } from '../../src/model/list-layout';
import type { SortKey } from '../../src/model/page-range';
import { compareInList, cursorKeyOf, type ListOrder } from '../../src/model/sort-key';
import type { KvEntry } from '../compile/kv-entry';
import { beforeOf, updateList } from './list-update';
import type { PreviousVersion } from './previous-version';

/** What a publish does to one list: items out (by slug, found by sort key), items in. */
export interface ListEdits {
  order: ListOrder;
  remove: string[];
  removeKeys: SortKey[];
  add: ListItem[];
}

/** The changed lists after a publish: their entries, and reads of their new content. */
export interface ListsAfter {
  entries: KvEntry[];
  deleted: string[];
  total(list: string): number;
  /**
   * The items within `window` places of `key` in `list`, and the place of `key` among them (or
   * where it would be, when it is not in the list).
   */
  around(list: string, key: SortKey, window: number): Promise<{ items: ListItem[]; at: number }>;
}

/** Logical list keys (src/model/keys.ts, without the version prefix). */
const leafKey = (list: string, id: number) => `l:${list}:${id}`;

/** Applies `edits` to the previous version's lists, under the placeholder version `version`. */
export async function editLists(version: string, previous: PreviousVersion, edits: Map<string, ListEdits>): Promise<ListsAfter> {
  const names = [...edits.keys()];
  const heads = await previous.read<ListHead>(names.map((n) => `h:${n}`));
  const apart = names.filter((n) => indexApart(heads.get(`h:${n}`)?.total ?? 0));
  const indexes = await previous.read<ListIndex>(apart.map((n) => `x:${n}`));
  const readLeaves = async (list: string, ids: number[]) => {
    const read = await previous.read<{ items: ListItem[] }>(ids.map((id) => leafKey(list, id)));
    return new Map(ids.flatMap((id) => (read.get(leafKey(list, id)) ? [[id, read.get(leafKey(list, id))!.items] as const] : [])));
  };
  const after = new Map<string, { order: ListOrder; total: number; leaves: LeafEntry[]; written: Map<number, ListItem[]> }>();
  const entries: KvEntry[] = [];
  const deleted: string[] = [];
  await Promise.all(
    names.map(async (name) => {
      const e = edits.get(name)!;
      const before = beforeOf(heads.get(`h:${name}`) ?? null, indexes.get(`x:${name}`) ?? null);
      const update = await updateList(version, { name, order: e.order, before, remove: e.remove, removeKeys: e.removeKeys, add: e.add }, readLeaves);
      entries.push(...update.entries);
      deleted.push(...update.deleted);
      const head = update.entries[0]?.value as ListHead | undefined;
      const leaves = head?.leaves ?? (update.entries[1]?.value as ListIndex | undefined)?.leaves ?? [];
      const written = new Map<number, ListItem[]>();
      for (const entry of update.entries.slice(head?.leaves ? 1 : 2)) written.set(Number(entry.key.slice(entry.key.lastIndexOf(':') + 1)), (entry.value as { items: ListItem[] }).items);
      after.set(name, { order: e.order, total: head?.total ?? 0, leaves, written });
    }),
  );

  return {
    entries,
    deleted,
    total: (list) => after.get(list)?.total ?? 0,
    async around(list, key, window) {
      const state = after.get(list)!;
      const cmp = (a: SortKey, b: SortKey) => compareInList(state.order, a, b);
      let at = 0;
      state.leaves.forEach(([, , k, s], i) => {
        if (cmp([k, s], key) <= 0) at = i;
      });
      // Leaves on either side until `window` items each way are in hand.
      const pick = new Set([at]);
      for (let i = at - 1, n = 0; i >= 0 && n < window; n += state.leaves[i]![1], i--) pick.add(i);
      for (let i = at + 1, n = state.leaves[at]![1]; i < state.leaves.length && n < 2 * window + state.leaves[at]![1]; n += state.leaves[i]![1], i++) pick.add(i);
      const ids = [...pick].sort((a, b) => a - b).map((i) => state.leaves[i]![0]);
      const unread = ids.filter((id) => !state.written.has(id));
      const read = await readLeaves(list, unread);
      const items = ids.flatMap((id) => state.written.get(id) ?? read.get(id) ?? []);
      const found = items.findIndex((item) => cmp(cursorKeyOf(item, state.order), key) >= 0);
      const place = found === -1 ? items.length : found;
      const from = Math.max(0, place - window);
      return { items: items.slice(from, place + window + 1), at: place - from };
    },
  };
}
