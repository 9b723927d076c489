import type { LeafEntry, ListChunk, ListHead, ListIndex, ListItem } from '../model/documents';
import { DataUnavailable } from '../model/domain-errors';
import { LIST_CHUNK_SIZE } from '../model/keys';
import { leafStarts } from '../model/list-layout';
import type { SortKey } from '../model/page-range';
import { compareInList, cursorKeyOf, sortKeyOf } from '../model/sort-key';
import { noteFieldUse } from './field-use';

/** Where a key falls in a list: the number of items before it, and whether it is there. */
export interface Position {
  before: number;
  found: boolean;
}

/** The reads a list needs (NewsReader's, batched per request). */
export interface LeafReader {
  listChunk(list: string, leaf: number, use?: { upTo?: number; fields?: ReadonlySet<string> }): Promise<ListChunk | null>;
  listIndex(list: string): Promise<ListIndex | null>;
}

/**
 * Reads positions and keys of one stored list through its leaves (src/model/list-layout.ts).
 * The first page needs only leaf 0; anything else asks for the leaf entries, which a short
 * list's head holds and a long list's index key holds (read once, on demand).
 */
export class ListLeaves {
  private entries?: Promise<{ leaves: LeafEntry[]; starts: number[] }>;

  constructor(
    private readonly reader: LeafReader,
    private readonly list: string,
    private readonly head: ListHead,
  ) {}

  private leafEntries(): Promise<{ leaves: LeafEntry[]; starts: number[] }> {
    this.entries ??= (async () => {
      const leaves = this.head.leaves ?? (await this.reader.listIndex(this.list))?.leaves;
      if (!leaves) throw new DataUnavailable(`List ${this.list} is missing its index.`);
      return { leaves, starts: leafStarts(leaves) };
    })();
    return this.entries;
  }

  /** Leaf `id`; `upTo`: only its places [0, upTo) are used, and of those items the `fields` (the answer depends on those alone). */
  private async leaf(id: number, upTo?: number, fields?: Set<string>): Promise<ListChunk> {
    const read = await this.reader.listChunk(this.list, id, upTo === undefined ? undefined : { upTo, fields });
    if (!read) throw new DataUnavailable(`List ${this.list} is missing leaf ${id}.`);
    return read;
  }

  /** List positions [start, end), from the leaves that hold them, in one wave. */
  async items(start: number, end: number): Promise<ListItem[]> {
    if (end <= start) return [];
    // Leaf 0 holds the first min(total, LIST_CHUNK_SIZE) items: the first page needs nothing else.
    if (end <= Math.min(this.head.total, LIST_CHUNK_SIZE)) {
      const fields = new Set<string>();
      return noteFieldUse((await this.leaf(0, end, fields)).items.slice(start, end), fields);
    }
    const { leaves, starts } = await this.leafEntries();
    const reads: Array<Promise<ListChunk>> = [];
    let offset = -1;
    leaves.forEach(([id, count], i) => {
      if (starts[i]! + count <= start || starts[i]! >= end) return;
      if (offset === -1) offset = starts[i]!;
      reads.push(this.leaf(id));
    });
    const chunks = await Promise.all(reads);
    return chunks.flatMap((chunk) => chunk.items).slice(start - offset, end - offset);
  }

  /** Where `key` falls: the leaf from the first keys (binary search), then the place within it. */
  async locate(key: SortKey): Promise<Position> {
    const { leaves, starts } = await this.leafEntries();
    let at = -1;
    for (let lo = 0, hi = leaves.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      if (compareInList(this.head, [leaves[mid]![2], leaves[mid]![3]], key) <= 0) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (at === -1) return { before: 0, found: false };
    const { items } = await this.leaf(leaves[at]![0]);
    const within = items.findIndex((item) => compareInList(this.head, cursorKeyOf(item, this.head), key) >= 0);
    if (within === -1) return { before: starts[at]! + items.length, found: false };
    return { before: starts[at]! + within, found: compareInList(this.head, cursorKeyOf(items[within]!, this.head), key) === 0 };
  }

  /** The first position whose sort key satisfies `test`, a predicate monotone along the list. */
  async firstIndex(test: (key: string) => boolean): Promise<number> {
    const { leaves, starts } = await this.leafEntries();
    if (leaves.length === 0) return 0;
    let at = leaves.findIndex((leaf) => test(leaf[2]));
    if (at === 0) return 0;
    at = at === -1 ? leaves.length - 1 : at - 1;
    const { items } = await this.leaf(leaves[at]![0]);
    const within = items.findIndex((item) => test(sortKeyOf(item, this.head)));
    return within === -1 ? starts[at]! + items.length : starts[at]! + within;
  }
}
