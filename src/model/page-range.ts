import { InvalidArgument } from './domain-errors';
import { base64UrlDecode, base64UrlEncode } from './global-id';

/**
 * Cursor pagination over an ordered list, after the Relay Cursor Connections spec
 * (https://relay.dev/graphql/connections.htm, "Pagination algorithm").
 * A cursor is an opaque position in one immutable data version's list.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** The half-open range [start, end) of a list of `total` items that one page shows. */
export interface PageRange {
  start: number;
  end: number;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

export const encodeCursor = (offset: number): string => base64UrlEncode(`o:${offset}`);

export function decodeCursor(cursor: string, argument: string): number {
  const decoded = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? base64UrlDecode(cursor) : null;
  const match = decoded === null ? null : /^o:(0|[1-9][0-9]{0,8})$/.exec(decoded);
  if (!match) throw new InvalidArgument(`\`${argument}\` is not a cursor this API issued.`, argument);
  return Number(match[1]);
}

function checkSize(size: number | null | undefined, argument: string): number | undefined {
  if (size === null || size === undefined) return undefined;
  if (size < 0 || size > MAX_PAGE_SIZE) {
    throw new InvalidArgument(
      `\`${argument}\` must be between 0 and ${MAX_PAGE_SIZE}; it was ${size}.`,
      argument,
    );
  }
  return size;
}

/** Validates the arguments; throws BAD_USER_INPUT for sizes out of range or forged cursors. */
export function parseConnectionArgs(args: ConnectionArgs): {
  first?: number;
  last?: number;
  after?: number;
  before?: number;
} {
  const first = checkSize(args.first, 'first');
  const last = checkSize(args.last, 'last');
  const after = args.after == null ? undefined : decodeCursor(args.after, 'after');
  const before = args.before == null ? undefined : decodeCursor(args.before, 'before');
  return { first, last, after, before };
}

/**
 * ApplyCursorsToEdges, then `first`, then `last`. With neither size given, the first
 * DEFAULT_PAGE_SIZE items (from `after`), or the last ones when only `before` is given.
 * hasPreviousPage/hasNextPage tell the truth in both directions, which the spec allows
 * when it is cheap to know (here it is: offsets).
 */
export function pageRange(total: number, args: ReturnType<typeof parseConnectionArgs>): PageRange {
  let start = args.after === undefined ? 0 : Math.min(args.after + 1, total);
  let end = args.before === undefined ? total : Math.max(Math.min(args.before, total), start);
  let { first, last } = args;
  if (first === undefined && last === undefined) {
    if (args.before !== undefined && args.after === undefined) last = DEFAULT_PAGE_SIZE;
    else first = DEFAULT_PAGE_SIZE;
  }
  if (first !== undefined) end = Math.min(end, start + first);
  if (last !== undefined) start = Math.max(start, end - last);
  return { start, end, hasPreviousPage: start > 0, hasNextPage: end < total };
}
