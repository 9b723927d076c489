import type { ListChunk, ListHead, ListItem } from '../../src/model/documents';
import { LIST_CHUNK_SIZE, listChunkKey, listHeadKey } from '../../src/model/keys';
import { compareInList, cursorKeyOf, sortKeyOf, type ListOrder } from '../../src/model/sort-key';
import type { KvEntry } from './kv-entry';

/**
 * A list as KV entries: its head, then chunks of LIST_CHUNK_SIZE items in list order. The
 * items are sorted here with the comparator readers position cursors by (src/model/sort-key.ts).
 */
export function buildList(version: string, name: string, items: ListItem[], order: ListOrder): KvEntry[] {
  const sorted = [...items].sort((a, b) => compareInList(order, cursorKeyOf(a), cursorKeyOf(b)));
  const chunks: ListChunk[] = [];
  for (let i = 0; i < sorted.length; i += LIST_CHUNK_SIZE) {
    chunks.push({ total: sorted.length, items: sorted.slice(i, i + LIST_CHUNK_SIZE) });
  }
  const head: ListHead = {
    total: sorted.length,
    chunkSize: LIST_CHUNK_SIZE,
    firstKeys: chunks.map((c) => sortKeyOf(c.items[0]!)),
    firstSlugs: chunks.map((c) => c.items[0]!.slug),
    ...order,
  };
  return [
    { key: listHeadKey(version, name), value: head },
    ...chunks.map((chunk, i) => ({ key: listChunkKey(version, name, i), value: chunk })),
  ];
}
