import { chunkChanges, type ChangeChunk, type ChangeTuple } from '../../model/changes';
import { SyncVersionTooOld, InvalidArgument } from '../../model/domain-errors';
import { base64UrlEncode, toGlobalId } from '../../model/global-id';
import { CHANGES_CHUNK_SIZE } from '../../model/keys';
import { DEFAULT_PAGE_SIZE, encodeCursor, pageRange, parseConnectionArgs } from '../../model/page-range';
import { toConnection } from '../connection';
import type { GraphContext } from '../context';
import type { QueryChangesArgs } from '../resolver-types.gen';
import { loadNode } from './query';
import type { ChangeParent } from './refs';

/**
 * `changes(since:)`, delta sync (src/model/changes.ts). The change list from `since` to the
 * current version was stored at publish; a page of it is read in one round trip: the chunks
 * holding the page and the item before it (which proves the list is still there). A cursor
 * names the version its list leads to, so an app paging through a publish finishes the list
 * it started (while that version is kept) and then syncs again from it.
 */
/** Data version ids are hex digests (tools/compile/compile.ts); nothing else may reach a KV key. */
const VERSION = /^[0-9a-f]{1,64}$/;

async function changes(_: unknown, args: QueryChangesArgs, ctx: GraphContext) {
  const page = parseConnectionArgs({ first: args.first, after: args.after });
  const { version: current } = await ctx.reader.dataVersion();
  if (page.after && page.after.key[1] !== args.since) {
    throw new InvalidArgument('`after` is a cursor of changes since another version.', 'after');
  }
  const to = page.after?.key[0] ?? current;
  if (!VERSION.test(args.since)) throw new InvalidArgument('`since` is not a data version id (`dataVersion.id`).', 'since');
  if (!VERSION.test(to)) throw new InvalidArgument('`after` is not a cursor this API issued.', 'after');
  const start = page.after ? page.after.hint + 1 : 0;
  const size = page.first ?? DEFAULT_PAGE_SIZE;
  let list: ChangeChunk & { offset: number };
  if (args.since === to) list = { ...chunkChanges([], CHANGES_CHUNK_SIZE)[0]!, offset: 0 };
  else {
    const firstChunk = Math.floor(Math.max(0, start - 1) / CHANGES_CHUNK_SIZE);
    const lastChunk = Math.max(firstChunk, Math.floor((start + Math.max(size, 1) - 1) / CHANGES_CHUNK_SIZE));
    const chunks = await Promise.all(
      Array.from({ length: lastChunk - firstChunk + 1 }, (_, i) => ctx.reader.changes(to, args.since, firstChunk + i)),
    );
    if (!chunks[0]) {
      throw new SyncVersionTooOld(
        `Data version ${args.since} is not one changes are kept from (kept: the current version and the two before it); ` +
          'refresh fully, then sync from dataVersion.id.',
        'since',
      );
    }
    list = { total: chunks[0].total, items: chunks.flatMap((c) => c?.items ?? []), offset: firstChunk * CHANGES_CHUNK_SIZE };
  }
  const range = pageRange(list.total, { first: size, start });
  const shown = list.items.slice(range.start - list.offset, range.end - list.offset);
  const nodes = shown.map(toChange(to));
  return { ...toConnection(nodes, list.total, range, (_, i) => encodeCursor([to, args.since], range.start + i)), version: to };
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
  /** The node in the current version: one batched read per page (a second round trip). */
  node: (c: ChangeParent, _: unknown, ctx: GraphContext) =>
    c.kind === 'REMOVED' ? null : loadNode(ctx, c.type, c.slug),
};
