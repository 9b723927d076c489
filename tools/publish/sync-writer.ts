import type { ChangeTuple } from '../../src/model/changes';
import { composeMoves, type ListMove } from '../../src/model/list-moves';
import { syncBlockKey, syncMovesKey, syncSeqKey } from '../../src/model/keys';
import {
  blocksStartingAt,
  completedBlocks,
  composeBlocks,
  composeChanges,
  expiredSteps,
  SYNC_KEEP_MS,
  SYNC_KEEP_PUBLISHES,
  storedBlock,
  withMoves,
  type BlockRef,
  type SyncBlock,
  type SyncSeq,
} from '../../src/model/sync-log';
import type { KvPair, KvWriter } from './kv-writer';

/**
 * One publish's entries in the sync log (src/model/sync-log.ts), written with the version
 * before the switch: its step (the changes from the parent), the blocks the step completes, and
 * the version's place in the log. Also names the log keys the clean-up drops after the switch.
 * Reads: the parent's place, then (one bulk get) the left siblings to merge and the oldest steps.
 * A parent with no place (the first publish, or one loaded before the log) starts a new log.
 */
export interface SyncOptions {
  /** The publish instant (ms since the epoch); tests pass their own clock. */
  now?: number;
  keepMs?: number;
  keepPublishes?: number;
}

export interface SyncWrite {
  entries: KvPair[];
  /** Log keys no kept `since` can reach any more: deleted once readers are on the new version. */
  expired: string[];
}

/** Oldest steps looked at per publish: the clean-up keeps pace with publishing one step at a time. */
const CLEANUP_BATCH = 8;

const parse = <T>(text: string | null | undefined): T | null => (text == null ? null : (JSON.parse(text) as T));

export async function syncEntries(
  kv: KvWriter,
  parent: string | undefined,
  version: string,
  changes: ChangeTuple[] | null,
  options: SyncOptions = {},
  /** Stories that entered or left lists in this publish; null when not known (a full build). */
  moves: ListMove[] | null = null,
): Promise<SyncWrite> {
  const now = options.now ?? Date.now();
  const place = parent ? parse<SyncSeq>((await kv.getMany([syncSeqKey(parent)])).get(syncSeqKey(parent))) : null;
  if (!parent || !place) return { entries: [{ key: syncSeqKey(version), value: JSON.stringify({ seq: 0, floor: 0 }) }], expired: [] };

  const step = place.seq;
  const next = step + 1;
  const merges = completedBlocks(step);
  const siblings = merges.map((b) => syncBlockKey(b.level - 1, b.start));
  const keep = { ms: options.keepMs ?? SYNC_KEEP_MS, publishes: options.keepPublishes ?? SYNC_KEEP_PUBLISHES };
  const oldest = Array.from({ length: Math.max(0, Math.min(CLEANUP_BATCH, next - keep.publishes - place.floor)) }, (_, i) => place.floor + i);
  // The left siblings' moves, kept apart (storedBlock), come in the same bulk get.
  const siblingMoves = merges.map((b) => syncMovesKey(b.level - 1, b.start));
  const stored = await kv.getMany([...siblings, ...siblingMoves, ...oldest.map((s) => syncBlockKey(0, s))]);

  let block: SyncBlock = { from: parent, to: version, at: now, changes: changes && composeChanges(changes), ...(moves ? { moves: composeMoves(moves) } : {}) };
  const entries: KvPair[] = [];
  const write = (ref: BlockRef, whole: SyncBlock) => {
    const apart = storedBlock(whole);
    entries.push({ key: syncBlockKey(ref.level, ref.start), value: JSON.stringify(apart.block) });
    if (apart.moves) entries.push({ key: syncMovesKey(ref.level, ref.start), value: JSON.stringify(apart.moves) });
  };
  write({ level: 0, start: step }, block);
  for (const [i, ref] of merges.entries()) {
    // A left half the clean-up dropped: no `since` the merged block would serve is kept.
    const left = parse<SyncBlock>(stored.get(siblings[i]!));
    const merged = left && composeBlocks([withMoves(left, parse<ListMove[]>(stored.get(siblingMoves[i]!))), block]);
    if (!merged) break;
    block = merged;
    write(ref, block);
  }

  const steps = oldest.map((s) => parse<SyncBlock>(stored.get(syncBlockKey(0, s))));
  const dropped = expiredSteps(place.floor, steps, next, now, keep);
  const expired = steps.slice(0, dropped).flatMap((s, i) => [
    ...blocksStartingAt(place.floor + i, next).flatMap((b) => [syncBlockKey(b.level, b.start), syncMovesKey(b.level, b.start)]),
    ...(s ? [syncSeqKey(s.from)] : []),
  ]);
  entries.push({ key: syncSeqKey(version), value: JSON.stringify({ seq: next, floor: place.floor + dropped }) });
  const gone = new Set(expired);
  return { entries: entries.filter((e) => !gone.has(e.key)), expired };
}
