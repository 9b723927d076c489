import { InvalidArgument } from './domain-errors';
import { base64UrlDecode, base64UrlEncode } from './global-id';

/**
 * Cursor pagination over an ordered list, after the Relay Cursor Connections spec
 * (https://relay.dev/graphql/connections.htm, "Pagination algorithm").
 *
 * A cursor names the item it stands for by its sort key (a date, or a name, then the slug;
 * for search the score, then the document), not by its offset: `after`/`before` position by
 * key, so a cursor from an older data version still pages correctly when items were added or
 * removed in between (no duplicate, no skipped item). It also carries the offset the item had
 * when the cursor was issued, a hint that lets a reader fetch the page's chunks before it
 * knows where the key falls (src/graph/list-page.ts); the hint never decides the answer.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** `changes(first:)` takes more: an app back after a day (about 1,000 publishes) resyncs in two pages. */
export const MAX_CHANGES_PAGE_SIZE = 500;
/** A cursor is at most this long: the longest slug (120) and name fit with room to spare. */
const MAX_CURSOR_LENGTH = 1024;
const MAX_OFFSET = 999_999_999;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** An item's place in its list's order: the sort key, then the slug that breaks ties. */
export type SortKey = readonly [primary: string, slug: string];

export interface Cursor {
  key: SortKey;
  /** The offset the item had in the list the cursor came from. */
  hint: number;
}

/** The half-open range [start, end) of a list of `total` items that one page shows. */
export interface PageRange {
  start: number;
  end: number;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

export const encodeCursor = (key: SortKey, hint: number): string =>
  base64UrlEncode(JSON.stringify([hint, key[0], key[1]]));

export function decodeCursor(cursor: string, argument: string): Cursor {
  const decoded =
    cursor.length <= MAX_CURSOR_LENGTH && /^[A-Za-z0-9_-]+$/.test(cursor) ? base64UrlDecode(cursor) : null;
  let value: unknown;
  try {
    value = decoded === null ? null : JSON.parse(decoded);
  } catch {
    value = null;
  }
  if (
    !Array.isArray(value) ||
    value.length !== 3 ||
    !Number.isInteger(value[0]) ||
    value[0] < 0 ||
    value[0] > MAX_OFFSET ||
    typeof value[1] !== 'string' ||
    typeof value[2] !== 'string'
  ) {
    throw new InvalidArgument(`\`${argument}\` is not a cursor this API issued.`, argument);
  }
  return { hint: value[0] as number, key: [value[1], value[2]] };
}

function checkSize(size: number | null | undefined, argument: string, max: number): number | undefined {
  if (size === null || size === undefined) return undefined;
  if (size < 0 || size > max) {
    throw new InvalidArgument(
      `\`${argument}\` must be between 0 and ${max}; it was ${size}.`,
      argument,
    );
  }
  return size;
}

export interface ParsedConnectionArgs {
  first?: number;
  last?: number;
  after?: Cursor;
  before?: Cursor;
}

/** Validates the arguments; throws BAD_USER_INPUT for sizes out of range or forged cursors. */
export function parseConnectionArgs(args: ConnectionArgs, maxSize = MAX_PAGE_SIZE): ParsedConnectionArgs {
  const first = checkSize(args.first, 'first', maxSize);
  const last = checkSize(args.last, 'last', maxSize);
  const after = args.after == null ? undefined : decodeCursor(args.after, 'after');
  const before = args.before == null ? undefined : decodeCursor(args.before, 'before');
  return { first, last, after, before };
}

/** Where the cursors fall in a list of `total` items, as offsets. */
export interface Bounds {
  first?: number;
  last?: number;
  /** Offset of the first item after the `after` cursor (0 when none comes before it). */
  start?: number;
  /** Offset of the first item at or after the `before` cursor. */
  end?: number;
}

/**
 * ApplyCursorsToEdges, then `first`, then `last`. With neither size given, the first
 * DEFAULT_PAGE_SIZE items (from `after`), or the last ones when only `before` is given.
 * hasPreviousPage/hasNextPage tell the truth in both directions, which the spec allows
 * when it is cheap to know (here it is: the list's size is known).
 */
export function pageRange(total: number, args: Bounds): PageRange {
  let start = args.start === undefined ? 0 : Math.max(0, Math.min(args.start, total));
  let end = args.end === undefined ? total : Math.max(Math.min(args.end, total), start);
  let { first, last } = args;
  if (first === undefined && last === undefined) {
    if (args.end !== undefined && args.start === undefined) last = DEFAULT_PAGE_SIZE;
    else first = DEFAULT_PAGE_SIZE;
  }
  if (first !== undefined) end = Math.min(end, start + first);
  if (last !== undefined) start = Math.max(start, end - last);
  return { start, end, hasPreviousPage: start > 0, hasNextPage: end < total };
}
