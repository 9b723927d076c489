import type { ListHead, ListItem } from '../model/documents';
import { pageRange, parseConnectionArgs, DEFAULT_PAGE_SIZE, type ConnectionArgs } from '../model/page-range';
import { DataUnavailable, InvalidArgument } from '../model/domain-errors';
import { LIST_CHUNK_SIZE } from '../model/keys';
import { sortKeyOf } from '../model/sort-key';
import type { NewsReader } from '../store/news-reader';
import { toConnection, type Connection } from './connection';

/**
 * One page of a stored list as a Relay connection. A page is read from the chunks that hold
 * it; a date range finds its ends through the list head's first keys (a binary search over
 * chunks, then within one); any other filter scans the list, which is allowed only for lists
 * of at most MAX_SCAN_ITEMS.
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

export async function readConnection<T extends ListItem>(
  reader: NewsReader,
  query: ListQuery,
  args: ConnectionArgs,
): Promise<Connection<T>> {
  const parsed = parseConnectionArgs(args);
  const plainForward =
    !query.where && !query.reverse && query.from === undefined && query.to === undefined &&
    parsed.last === undefined && parsed.before === undefined;
  // The common case, a page from the top or after a cursor, reads head and chunks at once.
  if (plainForward) {
    const start = parsed.after === undefined ? 0 : parsed.after + 1;
    const size = parsed.first ?? DEFAULT_PAGE_SIZE;
    const chunks = size === 0 ? [] : [start, start + size - 1].map((p) => Math.floor(p / LIST_CHUNK_SIZE));
    void Promise.all(chunks.map((c) => reader.listChunk(query.list, c))).catch(() => undefined);
  }
  const head = await reader.listHead(query.list);
  if (!head) return toConnection<T>([], 0, pageRange(0, parsed));

  if (query.where) {
    if (head.total > MAX_SCAN_ITEMS) {
      throw new InvalidArgument(
        `This combination of filters would scan ${head.total} items (at most ${MAX_SCAN_ITEMS}); ` +
          'filter by a single person, event, place or organization, or by date alone.',
        'filter',
      );
    }
    const items = (await readItems(reader, query.list, head, 0, head.total)).filter(
      (item) => query.where!(item) && inRange(sortKeyOf(item), query.from, query.to),
    );
    if (query.reverse) items.reverse();
    const range = pageRange(items.length, parsed);
    return toConnection(items.slice(range.start, range.end) as T[], items.length, range);
  }

  const [lo, hi] = await boundsOf(reader, query, head);
  const range = pageRange(hi - lo, parsed);
  const first = query.reverse ? hi - range.end : lo + range.start;
  const items = await readItems(reader, query.list, head, first, first + range.end - range.start);
  if (query.reverse) items.reverse();
  return toConnection(items as T[], hi - lo, range);
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
  for (let c = firstChunk; c <= lastChunk; c++) reads.push(reader.listChunk(list, c));
  const chunks = await Promise.all(reads);
  const items: ListItem[] = [];
  chunks.forEach((chunk, i) => {
    if (!chunk) throw new DataUnavailable(`List ${list} is missing chunk ${firstChunk + i}.`);
    items.push(...chunk.items);
  });
  const offset = firstChunk * head.chunkSize;
  return items.slice(start - offset, end - offset);
}

/** The positions [lo, hi) of the items whose sort key lies in [from, to]. */
async function boundsOf(reader: NewsReader, query: ListQuery, head: ListHead): Promise<[number, number]> {
  const { from, to } = query;
  if (from === undefined && to === undefined) return [0, head.total];
  const asc = head.order === 'asc';
  const atLo = (k: string) => (asc ? from === undefined || k >= from : to === undefined || k <= to);
  const pastHi = (k: string) => (asc ? to !== undefined && k > to : from !== undefined && k < from);
  return Promise.all([firstIndex(reader, query.list, head, atLo), firstIndex(reader, query.list, head, pastHi)]);
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
  const read = await reader.listChunk(list, chunk);
  if (!read) throw new DataUnavailable(`List ${list} is missing chunk ${chunk}.`);
  const within = read.items.findIndex((item) => test(sortKeyOf(item)));
  return within === -1 ? Math.min(head.total, (chunk + 1) * head.chunkSize) : chunk * head.chunkSize + within;
}
