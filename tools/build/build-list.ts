import type { ListChunk, ListHead, ListItem } from '../../src/model/documents';
import { LIST_CHUNK_SIZE, listChunkKey, listHeadKey } from '../../src/model/keys';
import { sortKeyOf } from '../../src/model/sort-key';
import type { KvEntry } from './kv-entry';

/** A list as KV entries: its head, then chunks of LIST_CHUNK_SIZE items in list order. */
export function buildList(version: string, name: string, items: ListItem[], order: 'asc' | 'desc'): KvEntry[] {
  const chunks: ListChunk[] = [];
  for (let i = 0; i < items.length; i += LIST_CHUNK_SIZE) {
    chunks.push({ total: items.length, items: items.slice(i, i + LIST_CHUNK_SIZE) });
  }
  const head: ListHead = {
    total: items.length,
    chunkSize: LIST_CHUNK_SIZE,
    firstKeys: chunks.map((c) => sortKeyOf(c.items[0]!)),
    order,
  };
  return [
    { key: listHeadKey(version, name), value: head },
    ...chunks.map((chunk, i) => ({ key: listChunkKey(version, name, i), value: chunk })),
  ];
}
