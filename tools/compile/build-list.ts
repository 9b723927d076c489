import type { LeafEntry, ListItem } from '../../src/model/documents';
import { LIST_CHUNK_SIZE, listChunkKey, listHeadKey, listIndexKey } from '../../src/model/keys';
import { headFor, indexApart } from '../../src/model/list-layout';
import { sortInList, sortKeyOf, type ListOrder } from '../../src/model/sort-key';
import type { KvEntry } from './kv-entry';

/** A leaf's entry in its list's index: id, count, first sort key and slug. */
export const leafEntry = (id: number, items: readonly ListItem[], order?: ListOrder): LeafEntry => [
  id,
  items.length,
  sortKeyOf(items[0]!, order),
  items[0]!.slug,
];

/** The head, and for a long list the index, of a list whose leaves are `leaves`. */
export function listFrame(version: string, name: string, total: number, leaves: LeafEntry[], order: ListOrder): KvEntry[] {
  const head = { key: listHeadKey(version, name), value: headFor(total, leaves, order) };
  return indexApart(total) ? [head, { key: listIndexKey(version, name), value: { leaves } }] : [head];
}

/**
 * A list as KV entries, as a full build writes it (src/model/list-layout.ts): its head, its
 * index when long, then leaves of LIST_CHUNK_SIZE items in list order with ids 0, 1, 2, ...
 * The items are sorted here with the comparator readers position cursors by (src/model/sort-key.ts).
 */
export function buildList(version: string, name: string, items: ListItem[], order: ListOrder): KvEntry[] {
  const sorted = sortInList(order, items);
  const leaves: ListItem[][] = [];
  for (let i = 0; i < sorted.length; i += LIST_CHUNK_SIZE) leaves.push(sorted.slice(i, i + LIST_CHUNK_SIZE));
  return [
    ...listFrame(version, name, sorted.length, leaves.map((leaf, id) => leafEntry(id, leaf, order)), order),
    ...leaves.map((items, id) => ({ key: listChunkKey(version, name, id), value: { items } })),
  ];
}
