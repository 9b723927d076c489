import type { ListHead, ListItem } from '../model/documents';
import {
  encodeCursor,
  pageRange,
  parseConnectionArgs,
  DEFAULT_PAGE_SIZE,
  type Bounds,
  type ConnectionArgs,
  type SortKey,
} from '../model/page-range';
import { DataUnavailable, InvalidArgument } from '../model/domain-errors';
import { LIST_CHUNK_SIZE } from '../model/keys';
import { compareInList, cursorKeyOf, sortKeyOf } from '../model/sort-key';
import type { NewsReader } from '../store/news-reader';
import { toConnection, type Connection } from './connection';

/**
 * One page of a stored list as a Relay connection. A page is read from the chunks that hold
 * it; a date range or a cursor finds its place through the list head's first keys (a binary
 * search over chunks, then within one); any other filter scans the list, which is allowed only
 * for lists of at most MAX_SCAN_ITEMS.
 *
 * Cursors name items by sort key (src/model/page-range.ts), so `after` means "after this key"
 * in whatever data version the request reads: a publish between two pages neither repeats nor
 * skips an item.
 */
export const MAX_SCAN_ITEMS = 5000;

export interface ListQuery {
  list: string;
  /** Inclusive bounds on the list's sort key (a YYYY-MM-DD date). */
  from?: string;
  to?: string;
  /** Keep only the items it accepts; makes the read a scan. */
  where?: (item: ListItem) => boolean;
  /** Read against the list's stored order. */
  reverse?: boolean;
}

/** Where a key falls in a list: the number of items before it, and whether it is there. */
interface Position {
  before: number;
  found: boolean;
}

export async function readConnection<T extends ListItem>(
  reader: NewsReader,
  query: ListQuery,
  args: ConnectionArgs,
): Promise<Connection<T>> {
  const parsed = parseConnectionArgs(args);
  if (!query.where && query.from === undefined && query.to === undefined) prefetch(reader, query, parsed);
  const head = await reader.listHead(query.list);
  if (!head) return toConnection<T>([], 0, pageRange(0, parsed), cursorsAt([]));

  if (query.where) {
    if (head.total > MAX_SCAN_ITEMS) {
      throw new InvalidArgument(
        `This combination of filters would scan ${head.total} items (at most ${MAX_SCAN_ITEMS}); ` +
          'filter by a single person, event, place or organization, or by date alone.',
        'filter',
      );
    }
    const all = await readItems(reader, query.list, head, 0, head.total);
    const items = all.filter((item) => query.where!(item) && inRange(sortKeyOf(item), query.from, query.to));
    const positionOf = (key: SortKey): Position => {
      const before = items.findIndex((item) => compareInList(head, cursorKeyOf(item), key) >= 0);
      const at = before === -1 ? items.length : before;
      return { before: at, found: at < items.length && compareInList(head, cursorKeyOf(items[at]!), key) === 0 };
    };
    const range = pageRange(items.length, viewBounds(parsed, 0, items.length, !!query.reverse, positionOf));
    const offsets = items.map((_, i) => i);
    if (query.reverse) {
      items.reverse();
      offsets.reverse();
    }
    return toConnection(items.slice(range.start, range.end) as T[], items.length, range, cursorsAt(offsets.slice(range.start, range.end)));
  }

  const [[lo, hi], after, before] = await Promise.all([
    boundsOf(reader, query, head),
    parsed.after && locate(reader, query.list, head, parsed.after.key),
    parsed.before && locate(reader, query.list, head, parsed.before.key),
  ]);
  const positions = new Map<SortKey, Position>();
  if (parsed.after && after) positions.set(parsed.after.key, after);
  if (parsed.before && before) positions.set(parsed.before.key, before);
  const range = pageRange(hi - lo, viewBounds(parsed, lo, hi, !!query.reverse, (key) => positions.get(key)!));
  const first = query.reverse ? hi - range.end : lo + range.start;
  const items = await readItems(reader, query.list, head, first, first + range.end - range.start);
  const offsets = items.map((_, i) => first + i);
  if (query.reverse) {
    items.reverse();
    offsets.reverse();
  }
  return toConnection(items as T[], hi - lo, range, cursorsAt(offsets));
}

/**
 * The cursors as offsets into the window [lo, hi) of the stored list, counted in the order
 * the page is read (reversed for `reverse`). "After K" starts past K when K is there, at K's
 * place when it was removed; "before K" ends just before K's place either way.
 */
function viewBounds(
  args: ReturnType<typeof parseConnectionArgs>,
  lo: number,
  hi: number,
  reverse: boolean,
  positionOf: (key: SortKey) => Position,
): Bounds {
  const bounds: Bounds = { first: args.first, last: args.last };
  if (args.after) {
    const p = positionOf(args.after.key);
    bounds.start = reverse ? hi - p.before : p.before + (p.found ? 1 : 0) - lo;
  }
  if (args.before) {
    const p = positionOf(args.before.key);
    bounds.end = reverse ? hi - p.before - (p.found ? 1 : 0) : p.before - lo;
  }
  return bounds;
}

/**
 * Asks, in the same round trip as the list head, for the chunks the page most likely lies in:
 * the first page, or the page next to where the cursor's item was when the cursor was issued.
 * When the list has not moved since, every later read is answered from what this brought.
 */
function prefetch(reader: NewsReader, query: ListQuery, args: ReturnType<typeof parseConnectionArgs>): void {
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  let span: [number, number] | undefined;
  if (!args.after && !args.before && !query.reverse && args.last === undefined) span = [0, size - 1];
  else if (args.after && args.before === undefined && args.last === undefined) {
    const at = args.after.hint;
    span = query.reverse ? [Math.max(0, at - size), at] : [at, at + size];
  }
  if (!span || size === 0) return;
  const chunks = new Set(span.map((p) => Math.floor(p / LIST_CHUNK_SIZE)));
  void Promise.all([...chunks].map((c) => reader.listChunk(query.list, c))).catch(() => undefined);
}

function inRange(key: string, from?: string, to?: string): boolean {
  return (from === undefined || key >= from) && (to === undefined || key <= to);
}

/** Reads list positions [start, end) from the chunks that hold them, in one wave. */
async function readItems(
  reader: NewsReader,
  list: string,
  head: ListHead,
  start: number,
  end: number,
): Promise<ListItem[]> {
  if (end <= start) return [];
  const firstChunk = Math.floor(start / head.chunkSize);
  const lastChunk = Math.floor((end - 1) / head.chunkSize);
  const reads = [];
  for (let c = firstChunk; c <= lastChunk; c++) reads.push(readChunk(reader, list, c));
  const chunks = await Promise.all(reads);
  const offset = firstChunk * head.chunkSize;
  return chunks.flatMap((chunk) => chunk.items).slice(start - offset, end - offset);
}

async function readChunk(reader: NewsReader, list: string, chunk: number) {
  const read = await reader.listChunk(list, chunk);
  if (!read) throw new DataUnavailable(`List ${list} is missing chunk ${chunk}.`);
  return read;
}

/** Where `key` falls in the stored list: the chunk from the head, then the place within it. */
async function locate(reader: NewsReader, list: string, head: ListHead, key: SortKey): Promise<Position> {
  const firstOf = (c: number): SortKey => [head.firstKeys[c]!, head.firstSlugs?.[c] ?? ''];
  let chunk = -1;
  for (let lo = 0, hi = head.firstKeys.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (compareInList(head, firstOf(mid), key) <= 0) {
      chunk = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (chunk === -1) return { before: 0, found: false };
  const { items } = await readChunk(reader, list, chunk);
  const within = items.findIndex((item) => compareInList(head, cursorKeyOf(item), key) >= 0);
  if (within === -1) return { before: chunk * head.chunkSize + items.length, found: false };
  return { before: chunk * head.chunkSize + within, found: compareInList(head, cursorKeyOf(items[within]!), key) === 0 };
}

/** The positions [lo, hi) of the items whose sort key lies in [from, to]. */
async function boundsOf(reader: NewsReader, query: ListQuery, head: ListHead): Promise<[number, number]> {
  const { from, to } = query;
  if (from === undefined && to === undefined) return [0, head.total];
  const asc = head.order === 'asc';
  const atLo = (k: string) => (asc ? from === undefined || k >= from : to === undefined || k <= to);
  const pastHi = (k: string) => (asc ? to !== undefined && k > to : from !== undefined && k < from);
  const [lo, hi] = await Promise.all([firstIndex(reader, query.list, head, atLo), firstIndex(reader, query.list, head, pastHi)]);
  // An empty range can place its end before its start; a count is never negative.
  return [lo, Math.max(lo, hi)];
}

/** The first position whose key satisfies `test`, a predicate monotone along the list. */
async function firstIndex(
  reader: NewsReader,
  list: string,
  head: ListHead,
  test: (key: string) => boolean,
): Promise<number> {
  let chunk = head.firstKeys.findIndex(test);
  if (chunk === 0) return 0;
  chunk = chunk === -1 ? head.firstKeys.length - 1 : chunk - 1;
  const read = await readChunk(reader, list, chunk);
  const within = read.items.findIndex((item) => test(sortKeyOf(item)));
  return within === -1 ? Math.min(head.total, (chunk + 1) * head.chunkSize) : chunk * head.chunkSize + within;
}

/** Cursors name items by sort key, with the stored offset as a hint. */
const cursorsAt =
  (offsets: number[]) =>
  (node: ListItem, i: number): string =>
    encodeCursor(cursorKeyOf(node), offsets[i]!);
