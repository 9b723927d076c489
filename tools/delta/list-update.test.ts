import { describe, expect, it } from 'vitest';
import type { ArticleCard, LeafEntry, ListHead, ListIndex, ListItem } from '../../src/model/documents';
import { LIST_CHUNK_SIZE, listHeadKey, listIndexKey } from '../../src/model/keys';
import { INLINE_ITEMS, MAX_LEAF, MIN_LEAF } from '../../src/model/list-layout';
import { compareInList, cursorKeyOf, sortKeyOf, type ListOrder } from '../../src/model/sort-key';
import { buildList } from '../compile/build-list';
import { beforeOf, updateList } from './list-update';

const ORDER: ListOrder = { order: 'desc' };
const card = (n: number): ArticleCard =>
  ({ type: 'Article', slug: `a-${String(n).padStart(5, '0')}`, datePublished: `20${String(10 + (n % 15))}-0${1 + (n % 9)}-1${n % 10}` }) as ArticleCard;

/** A list kept as KV would keep it: key -> value, under one version name reused for brevity. */
function apply(store: Map<string, unknown>, update: { entries: Array<{ key: string; value: unknown }>; deleted: string[] }) {
  for (const key of update.deleted) store.delete(key);
  for (const e of update.entries) store.set(e.key, e.value);
}

function leavesIn(store: Map<string, unknown>): LeafEntry[] {
  const head = store.get(listHeadKey('v', 'l')) as ListHead | undefined;
  return head ? head.leaves ?? (store.get(listIndexKey('v', 'l')) as ListIndex).leaves : [];
}

function itemsIn(store: Map<string, unknown>): ListItem[] {
  return leavesIn(store).flatMap(([id]) => (store.get(`v:v:l:l:${id}`) as { items: ListItem[] }).items);
}

describe('updating a list in place', () => {
  it.each([
    ['a long list', 1200, 400, (step: number) => step % 3 === 2],
    ['a list growing past the inline size', 780, 120, () => false],
    ['a short list shrinking to nothing', 30, 30, () => true],
  ])('keeps %s in the order of a full build, rewriting O(1) leaves, with the layout invariants', async (_name, start, steps, removes) => {
    let present = Array.from({ length: start }, (_, i) => card(i));
    const store = new Map<string, unknown>(buildList('v', 'l', present, ORDER).map((e) => [e.key, e.value]));
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 48271) % 2147483647) % n);
    for (let step = 0; step < steps; step++) {
      const removing = removes(step) || present.length > 1300 ? [present[random(present.length)]!] : [];
      const adding = removes(step) ? [] : [card(2000 + step)];
      const head = (store.get(listHeadKey('v', 'l')) as ListHead | undefined) ?? null;
      const update = await updateList(
        'v',
        { name: 'l', order: ORDER, before: beforeOf(head, { leaves: leavesIn(store) }), remove: removing.map((r) => r.slug), removeKeys: removing.map((r) => cursorKeyOf(r)), add: adding },
        async (_list, ids) => new Map(ids.map((id) => [id, (store.get(`v:v:l:l:${id}`) as { items: ListItem[] }).items])),
      );
      // Head, index, and at most a leaf split or merge's worth of leaves.
      expect(update.entries.length).toBeLessThanOrEqual(5);
      apply(store, update);
      present = [...present.filter((p) => !removing.includes(p)), ...adding];
      const expected = [...present].sort((a, b) => compareInList(ORDER, cursorKeyOf(a), cursorKeyOf(b)));
      expect(itemsIn(store).map((i) => i.slug)).toEqual(expected.map((i) => i.slug));
      const leaves = leavesIn(store);
      if (present.length === 0) {
        expect(store.size).toBe(0);
        continue;
      }
      expect(leaves[0]![0]).toBe(0);
      expect(leaves[0]![1]).toBeGreaterThanOrEqual(Math.min(present.length, LIST_CHUNK_SIZE));
      for (const [i, [id, count, key]] of leaves.entries()) {
        expect(count).toBeLessThanOrEqual(MAX_LEAF);
        expect(count).toBeGreaterThanOrEqual(i === leaves.length - 1 ? 1 : Math.min(MIN_LEAF, present.length));
        expect(key).toBe(sortKeyOf((store.get(`v:v:l:l:${id}`) as { items: ListItem[] }).items[0]!));
      }
      expect(store.has(listIndexKey('v', 'l'))).toBe(present.length > INLINE_ITEMS);
    }
  });
});
