import type { ChangeTuple } from '../../model/changes';
import { SyncVersionTooOld, InvalidArgument } from '../../model/domain-errors';
import { toGlobalId } from '../../model/global-id';
import { keyHash } from '../../model/generations';
import type { ListMove } from '../../model/list-moves';
import { DEFAULT_PAGE_SIZE, encodeCursor, MAX_CHANGES_PAGE_SIZE, pageRange, parseConnectionArgs } from '../../model/page-range';
import { isVersionId, type SyncBlock } from '../../model/sync-log';
import { namedLists, type NamedLists } from '../../model/update-events';
import { toConnection } from '../connection';
import type { GraphContext } from '../context';
import type { QueryChangesArgs } from '../resolver-types.gen';
import { loadNode } from './query';
import type { ChangeParent } from './refs';

/**
 * `changes(since:)`, delta sync from the sync log (src/model/sync-log.ts): one round trip reads
 * where `since` and the version the list leads to sit in the log, one more reads the at most
 * 2*log2(n) blocks between them in one bulk get, composed here. A cursor names the version its
 * list leads to, so an app paging through a publish finishes the list it started and then
 * syncs again from it. With `lists`, the list moves the same blocks carry follow the node
 * changes (src/model/list-moves.ts): no read more.
 */
const tooOld = (since: string) =>
  new SyncVersionTooOld(
    `Data version ${since} is not one changes are kept from (kept: every version of the last 7 days, and of the last 2,000 publishes); ` +
      'refresh fully, then sync from dataVersion.id.',
    'since',
  );

/** The log from `since` to `to`, composed; throws SYNC_VERSION_TOO_OLD when the log no longer holds it. */
async function syncSpan(ctx: GraphContext, since: string, to: string, moves: boolean): Promise<SyncBlock & { changes: ChangeTuple[] }> {
  const block = await ctx.reader.syncBetween(since, to, moves);
  if (block?.changes == null) throw tooOld(since);
  return block as SyncBlock & { changes: ChangeTuple[] };
}

function listsOf(names: readonly string[] | null | undefined): NamedLists {
  if (names == null) return new Map();
  const parsed = namedLists(names);
  if ('error' in parsed) throw new InvalidArgument(parsed.error, 'lists');
  return parsed.lists;
}

/** What a cursor is bound to: `since`, and the lists asked for (their entries shift the offsets). */
const cursorScope = (since: string, lists: NamedLists): string =>
  lists.size === 0 ? since : `${since}@${keyHash([...lists.keys()].join('\n')).toString(36)}`;

async function changes(_: unknown, args: QueryChangesArgs, ctx: GraphContext) {
  const page = parseConnectionArgs({ first: args.first, after: args.after }, MAX_CHANGES_PAGE_SIZE);
  const lists = listsOf(args.lists);
  const scope = cursorScope(args.since, lists);
  const { version: current } = await ctx.reader.dataVersion();
  if (page.after && page.after.key[1] !== scope) {
    throw new InvalidArgument('`after` is a cursor of changes since another version (or of other `lists`).', 'after');
  }
  const to = page.after?.key[0] ?? current;
  if (!isVersionId(args.since)) throw new InvalidArgument('`since` is not a data version id (`dataVersion.id`).', 'since');
  if (!isVersionId(to)) throw new InvalidArgument('`after` is not a cursor this API issued.', 'after');
  const start = page.after ? page.after.hint + 1 : 0;
  // The moves are read only for the lists an app names (they are kept apart from the node changes).
  const span = await syncSpan(ctx, args.since, to, lists.size > 0);
  const all = [...span.changes.map(toChange(to)), ...(span.moves ? listChanges(span.moves, lists, to) : [])];
  const range = pageRange(all.length, { first: page.first ?? DEFAULT_PAGE_SIZE, start });
  const nodes = all.slice(range.start, range.end);
  return {
    ...toConnection(nodes, all.length, range, (_, i) => encodeCursor([to, scope], range.start + i)),
    version: to,
    refetchLists: span.moves ? [] : [...lists.keys()],
  };
}

/**
 * A change's own id names the version it leads to and the node (and list): Relay keys its store
 * by id alone. Plain `<version>.<node id>` (`<version>.<list>.<node id>` for a list move): a
 * node id is base64url, which has no `.`, so no change id is a node's, and the two forms never
 * meet; each Change costs its id's bytes once more than the node id it carries, not a base64 of it.
 */
const changeId = (to: string, nodeId: string, list?: string): string => (list === undefined ? `${to}.${nodeId}` : `${to}.${list}.${nodeId}`);

const toChange =
  (to: string) =>
  ([type, slug, kind]: ChangeTuple): ChangeParent => {
    const nodeId = toGlobalId(type, slug);
    return { id: changeId(to, nodeId), nodeId, type, slug, kind };
  };

/** The moves into and out of the named lists, in the order the app named them, then by slug. */
function listChanges(moves: readonly ListMove[], lists: NamedLists, to: string): ChangeParent[] {
  return [...lists].flatMap(([name, list]) =>
    moves
      .filter(([movedIn]) => movedIn === list)
      .map(([, slug, kind]): ChangeParent => {
        const nodeId = toGlobalId('Article', slug);
        return { id: changeId(to, nodeId, name), nodeId, type: 'Article', slug, kind, list: name };
      }),
  );
}

export const ChangesQuery = { changes };

export const Change = {
  list: (c: ChangeParent) => c.list ?? null,
  /** The node in the current version: one batched read per page (a third round trip). */
  node: (c: ChangeParent, _: unknown, ctx: GraphContext) =>
    c.kind === 'REMOVED' ? null : loadNode(ctx, c.type, c.slug),
};
