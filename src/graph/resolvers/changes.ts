import type { ChangeTuple } from '../../model/changes';
import { SyncVersionTooOld, InvalidArgument } from '../../model/domain-errors';
import { base64UrlEncode, toGlobalId } from '../../model/global-id';
import { DEFAULT_PAGE_SIZE, encodeCursor, MAX_CHANGES_PAGE_SIZE, pageRange, parseConnectionArgs } from '../../model/page-range';
import { composeBlocks, coverBlocks, SYNC_MAX_COVER } from '../../model/sync-log';
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
 * syncs again from it.
 */
/** Data version ids are hex digests (tools/compile/compile.ts); nothing else may reach a KV key. */
const VERSION = /^[0-9a-f]{1,64}$/;

const tooOld = (since: string) =>
  new SyncVersionTooOld(
    `Data version ${since} is not one changes are kept from (kept: every version of the last 7 days, and of the last 2,000 publishes); ` +
      'refresh fully, then sync from dataVersion.id.',
    'since',
  );

/** What changed from `since` to `to`, sorted by id; throws SYNC_VERSION_TOO_OLD when the log no longer holds it. */
async function changeList(ctx: GraphContext, since: string, to: string): Promise<ChangeTuple[]> {
  if (since === to) return [];
  const [from, until] = await ctx.reader.syncPlaces([since, to]);
  if (!from || !until || from.seq > until.seq) throw tooOld(since);
  const cover = coverBlocks(from.seq, until.seq);
  if (cover.length > SYNC_MAX_COVER) throw tooOld(since);
  const blocks = await ctx.reader.syncBlocks(cover);
  const composed = blocks.every((b) => b !== null) ? composeBlocks(blocks) : null;
  // A block that does not chain from `since` to `to` belongs to a log rewritten after a rollback.
  if (!composed?.changes || composed.from !== since || composed.to !== to) throw tooOld(since);
  return composed.changes;
}

async function changes(_: unknown, args: QueryChangesArgs, ctx: GraphContext) {
  const page = parseConnectionArgs({ first: args.first, after: args.after }, MAX_CHANGES_PAGE_SIZE);
  const { version: current } = await ctx.reader.dataVersion();
  if (page.after && page.after.key[1] !== args.since) {
    throw new InvalidArgument('`after` is a cursor of changes since another version.', 'after');
  }
  const to = page.after?.key[0] ?? current;
  if (!VERSION.test(args.since)) throw new InvalidArgument('`since` is not a data version id (`dataVersion.id`).', 'since');
  if (!VERSION.test(to)) throw new InvalidArgument('`after` is not a cursor this API issued.', 'after');
  const start = page.after ? page.after.hint + 1 : 0;
  const list = await changeList(ctx, args.since, to);
  const range = pageRange(list.length, { first: page.first ?? DEFAULT_PAGE_SIZE, start });
  const nodes = list.slice(range.start, range.end).map(toChange(to));
  return { ...toConnection(nodes, list.length, range, (_, i) => encodeCursor([to, args.since], range.start + i)), version: to };
}

/** A change's own id names the node and the version it leads to: Relay keys its store by id alone. */
const toChange =
  (to: string) =>
  ([type, slug, kind]: ChangeTuple): ChangeParent => {
    const nodeId = toGlobalId(type, slug);
    return { id: base64UrlEncode(`Change:${to}:${nodeId}`), nodeId, type, slug, kind };
  };

export const ChangesQuery = { changes };

export const Change = {
  /** The node in the current version: one batched read per page (a third round trip). */
  node: (c: ChangeParent, _: unknown, ctx: GraphContext) =>
    c.kind === 'REMOVED' ? null : loadNode(ctx, c.type, c.slug),
};
