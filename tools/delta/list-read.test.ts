import { describe, expect, it } from 'vitest';
import type { ArticleCard, ListHead, ListIndex, ListItem } from '../../src/model/documents';
import { ListLeaves, type LeafReader } from '../../src/graph/list-leaves';
import { listHeadKey, listIndexKey } from '../../src/model/keys';
import { compareInList, cursorKeyOf, sortKeyOf, type ListOrder } from '../../src/model/sort-key';
import { buildList } from '../compile/build-list';
import { beforeOf, updateList } from './list-update';

const ORDER: ListOrder = { order: 'desc' };
const card = (n: number): ArticleCard =>
  ({ type: 'Article', slug: `a-${String(n).padStart(5, '0')}`, datePublished: `20${String(10 + (n % 15))}-0${1 + (n % 9)}-1${n % 10}` }) as ArticleCard;

/** The reader's view of a list (src/graph/list-leaves.ts) over a list kept as KV would keep it. */
function readerOver(store: Map<string, unknown>): LeafReader {
  return {
    listChunk: async (list: string, leaf: number) => (store.get(`v:v:l:${list}:${leaf}`) as { items: ListItem[] } | undefined) ?? null,
    listIndex: async (list: string) => (store.get(listIndexKey('v', list)) as ListIndex | undefined) ?? null,
  };
}

describe('reading a list through its leaves', () => {
  it.each([[300], [2500]])('finds every position, key and date of a %i-item list edited in place as in a plain array', async (size) => {
    const present = Array.from({ length: size }, (_, i) => card(i));
    const store = new Map<string, unknown>(buildList('v', 'l', present, ORDER).map((e) => [e.key, e.value]));
    // Insertions that split leaves and removals that merge them, then read it all back.
    for (let step = 0; step < 300; step++) {
      const head = store.get(listHeadKey('v', 'l')) as ListHead;
      const removing = step % 2 ? [present.splice((step * 7919) % present.length, 1)[0]!] : [];
      const adding = step % 2 ? [] : [card(10_000 + step), card(20_000 + step)];
      present.push(...adding);
      const update = await updateList(
        'v',
        { name: 'l', order: ORDER, before: beforeOf(head, store.get(listIndexKey('v', 'l')) as ListIndex | null), remove: removing.map((r) => r.slug), removeKeys: removing.map((r) => cursorKeyOf(r)), add: adding },
        async (_l, ids) => new Map(ids.map((id) => [id, (store.get(`v:v:l:l:${id}`) as { items: ListItem[] }).items])),
      );
      for (const key of update.deleted) store.delete(key);
      for (const e of update.entries) store.set(e.key, e.value);
    }
    const expected = [...present].sort((a, b) => compareInList(ORDER, cursorKeyOf(a), cursorKeyOf(b)));
    const head = store.get(listHeadKey('v', 'l')) as ListHead;
    const leaves = new ListLeaves(readerOver(store), 'l', head);
    expect(head.total).toBe(expected.length);
    expect((await leaves.items(0, head.total)).map((i) => i.slug)).toEqual(expected.map((i) => i.slug));
    expect((await leaves.items(0, 20)).map((i) => i.slug)).toEqual(expected.slice(0, 20).map((i) => i.slug));
    for (const at of [0, 99, 100, 101, 777, expected.length - 1]) {
      if (at >= expected.length) continue;
      expect((await leaves.items(at, at + 70)).map((i) => i.slug)).toEqual(expected.slice(at, at + 70).map((i) => i.slug));
      expect(await leaves.locate(cursorKeyOf(expected[at]!))).toEqual({ before: at, found: true });
      const date = sortKeyOf(expected[at]!);
      expect(await leaves.firstIndex((k) => k <= date)).toBe(expected.findIndex((i) => sortKeyOf(i) <= date));
    }
    expect(await leaves.locate(['1999-01-01', 'zz'])).toEqual({ before: expected.length, found: false });
  });
});
