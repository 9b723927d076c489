import type { GraphQLResolveInfo } from 'graphql';
import type { ListHead, ListItem } from '../model/documents';
import { selects } from './selects';
import {
  encodeCursor,
  pageRange,
  parseConnectionArgs,
  DEFAULT_PAGE_SIZE,
  type Bounds,
  type ConnectionArgs,
  type SortKey,
} from '../model/page-range';
import { InvalidArgument } from '../model/domain-errors';
import { LIST_CHUNK_SIZE } from '../model/keys';
import { decodeListHint, encodeListHint } from '../model/list-layout';
import { compareInList, cursorKeyOf, dateOfKey, sortInList, sortKeyOf, type ListOrder } from '../model/sort-key';
import type { NewsReader } from '../store/news-reader';
import { toConnection, type Connection } from './connection';
import { ListLeaves, type Position } from './list-leaves';

/**
 * One page of a stored list as a Relay connection. A page is read from the leaves that hold
 * it (src/graph/list-leaves.ts); a date range or a cursor finds its place through the leaves'
 * first keys (a binary search over leaves, then within one); any other filter scans the list,
 * which is allowed only for lists of at most MAX_SCAN_ITEMS.
 *
 * Cursors name items by sort key (src/model/page-range.ts), so `after` means "after this key"
 * in whatever data version the request reads: a publish between two pages neither repeats nor
 * skips an item.
 */
export const MAX_SCAN_ITEMS = 5000;

export interface ListQuery {
  list: string;
  /** Inclusive YYYY-MM-DD bounds on the date of the list's sort key (an instant's UTC date). */
  from?: string;
  to?: string;
  /** Inclusive lower bound on the whole sort key (an instant in UTC), of a list stored newest first. */
  since?: string;
  /** Keep only the items it accepts; makes the read a scan. */
  where?: (item: ListItem) => boolean;
  /** A scan's items in this order rather than the stored list's (and its cursors by this order's keys). */
  order?: ListOrder;
  /** Read against the list's (or `order`'s) order. */
  reverse?: boolean;
}

export async function readConnection<T extends ListItem>(
  reader: NewsReader,
  query: ListQuery,
  args: ConnectionArgs,
): Promise<Connection<T>> {
  const parsed = parseConnectionArgs(args);
  if (!query.where && query.from === undefined && query.to === undefined && query.since === undefined) prefetch(reader, query, parsed);
  // A date range finds its leaves through the leaf entries: a long list's index comes with the head.
  else if (!query.where) void reader.listIndex(query.list).catch(() => undefined);
  const head = await reader.listHead(query.list);
  if (!head) return toConnection<T>([], 0, pageRange(0, parsed), cursorsAt([], 0, query.order));
  const leaves = new ListLeaves(reader, query.list, head);

  if (query.where) {
    if (head.total > MAX_SCAN_ITEMS) {
      throw new InvalidArgument(
        `This combination of filters would scan ${head.total} items (at most ${MAX_SCAN_ITEMS}); ` +
          'filter by a single person, event, place or organization, or by date alone (`modifiedSince` with `orderBy: DATE_MODIFIED`).',
        'filter',
      );
    }
    const all = await leaves.items(0, head.total);
    const kept = all.filter((item) => query.where!(item) && inRange(sortKeyOf(item, head), query.from, query.to));
    const order = query.order ?? head;
    const items = query.order ? sortInList(query.order, kept) : kept;
    const positionOf = (key: SortKey): Position => {
      const before = items.findIndex((item) => compareInList(order, cursorKeyOf(item, order), key) >= 0);
      const at = before === -1 ? items.length : before;
      return { before: at, found: at < items.length && compareInList(order, cursorKeyOf(items[at]!, order), key) === 0 };
    };
    const range = pageRange(items.length, viewBounds(parsed, 0, items.length, !!query.reverse, positionOf));
    const offsets = items.map((_, i) => i);
    if (query.reverse) {
      items.reverse();
      offsets.reverse();
    }
    return toConnection(items.slice(range.start, range.end) as T[], items.length, range, cursorsAt(offsets.slice(range.start, range.end), head.total, order));
  }

  const [[lo, hi], after, before] = await Promise.all([
    boundsOf(leaves, query, head.total, head.order === 'asc'),
    parsed.after && leaves.locate(parsed.after.key),
    parsed.before && leaves.locate(parsed.before.key),
  ]);
  const positions = new Map<SortKey, Position>();
  if (parsed.after && after) positions.set(parsed.after.key, after);
  if (parsed.before && before) positions.set(parsed.before.key, before);
  const range = pageRange(hi - lo, viewBounds(parsed, lo, hi, !!query.reverse, (key) => positions.get(key)!));
  const first = query.reverse ? hi - range.end : lo + range.start;
  const items = await leaves.items(first, first + range.end - range.start);
  const offsets = items.map((_, i) => first + i);
  if (query.reverse) {
    items.reverse();
    offsets.reverse();
  }
  return toConnection(items as T[], hi - lo, range, cursorsAt(offsets, head.total, head));
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
 * Asks, in the same round trip as the list head, for the leaves the page most likely lies in:
 * the first page (leaf 0), or, for a cursor, the leaves a full build puts next to where the
 * cursor's item was when the cursor was issued, and the list's index when the list kept one
 * apart then (src/model/list-layout.ts). When the list has not moved since, every later read is
 * answered from what this brought.
 */
/**
 * For a field whose object names its list by an argument (a section, subject or author page):
 * the list's head, and its first leaf when `articles` is selected, asked for with the object's
 * own key so the page costs one round trip.
 */
export function prefetchListOf(reader: NewsReader, list: string, fieldNodes: GraphQLResolveInfo['fieldNodes']): Promise<ListHead | null> {
  if (selects(fieldNodes, 'articles')) void reader.listChunk(list, 0, { prefetch: true }).catch(() => undefined);
  return reader.listHead(list);
}

function prefetch(reader: NewsReader, query: ListQuery, args: ReturnType<typeof parseConnectionArgs>): void {
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  let span: [number, number] | undefined;
  const reads: Array<Promise<unknown>> = [];
  if (!args.after && !args.before && !query.reverse && args.last === undefined) span = [0, size - 1];
  else if (args.after && args.before === undefined && args.last === undefined) {
    const { offset: at, apart } = decodeListHint(args.after.hint);
    span = query.reverse ? [Math.max(0, at - size), at] : [at, at + size];
    if (apart) reads.push(reader.listIndex(query.list));
  }
  if (!span || size === 0) return;
  const chunks = new Set(span.map((p) => Math.floor(p / LIST_CHUNK_SIZE)));
  for (const c of chunks) reads.push(reader.listChunk(query.list, c, { prefetch: true }));
  void Promise.all(reads).catch(() => undefined);
}

function inRange(key: string, from?: string, to?: string): boolean {
  const date = dateOfKey(key);
  return (from === undefined || date >= from) && (to === undefined || date <= to);
}

/** The positions [lo, hi) of the items whose sort key lies in [from, to]. */
async function boundsOf(leaves: ListLeaves, query: ListQuery, total: number, asc: boolean): Promise<[number, number]> {
  const { from, to, since } = query;
  if (from === undefined && to === undefined && since === undefined) return [0, total];
  const atLo = (k: string) => (asc ? from === undefined || dateOfKey(k) >= from : to === undefined || dateOfKey(k) <= to);
  // `since` bounds a list stored newest first: the items at or after it are a prefix.
  const pastHi = (k: string) =>
    asc ? to !== undefined && dateOfKey(k) > to : (from !== undefined && dateOfKey(k) < from) || (since !== undefined && k < since);
  const [lo, hi] = await Promise.all([leaves.firstIndex(atLo), leaves.firstIndex(pastHi)]);
  // An empty range can place its end before its start; a count is never negative.
  return [lo, Math.max(lo, hi)];
}

/** Cursors name items by sort key (in `order`), with the stored offset as a hint (src/model/list-layout.ts). */
const cursorsAt =
  (offsets: number[], total: number, order?: Pick<ListOrder, 'by'>) =>
  (node: ListItem, i: number): string =>
    encodeCursor(cursorKeyOf(node, order), encodeListHint(offsets[i]!, total));
