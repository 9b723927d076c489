import type { ChangeTuple } from './changes';
import { composeMoves, type ListMove } from './list-moves';

/**
 * The sync log (docs/publishing.md, "Sync"): every publish is one numbered step, the changes
 * from its parent; when 2^k consecutive steps complete an aligned block, the block's merged
 * changes are stored too (a binary decomposition, as in a Fenwick tree or a skip list). A
 * `since` n steps back is then answered from at most 2*log2(n) aligned blocks, read in one bulk
 * get and composed here: per node, the latest kind wins. Keys live outside every version's
 * prefix (src/model/keys.ts), so dropping old versions keeps the log; the publish clean-up
 * drops steps older than SYNC_KEEP_MS once SYNC_KEEP_PUBLISHES newer ones exist.
 */
export interface SyncBlock {
  /** The version before the block's first step and the one after its last: composing checks they chain. */
  from: string;
  to: string;
  /** When the block's first step was published (ms since the epoch): what the clean-up ages it by. */
  at: number;
  /** Per node, the latest kind, sorted by id; null when a step's changes are not known (apps refresh). */
  changes: ChangeTuple[] | null;
  /**
   * Stories that entered or left a list, net over the block (src/model/list-moves.ts); absent
   * when not known (a full build's step, a step logged before moves were). Stored apart
   * (storedBlock), so a sync that names no list reads none of them.
   */
  moves?: ListMove[];
  /** As stored: how many moves the block's moves key holds (0: none, and no key written). */
  movesApart?: number;
}

/**
 * A block as stored: its moves under a key of their own (keys.ts syncMovesKey), which only
 * `changes(lists:)` reads; they are most of a step's bytes (a new story enters some ten lists).
 */
export function storedBlock(block: SyncBlock): { block: SyncBlock; moves: ListMove[] | null } {
  const { moves, ...rest } = block;
  return moves ? { block: { ...rest, movesApart: moves.length }, moves: moves.length > 0 ? moves : null } : { block: rest, moves: null };
}

/** A stored block with its moves back: `moves` as read from its moves key (null: absent). Unknown moves stay absent. */
export function withMoves(block: SyncBlock, moves: ListMove[] | null): SyncBlock {
  if (block.movesApart === undefined) return block;
  const { movesApart, ...rest } = block;
  if (movesApart === 0) return { ...rest, moves: [] };
  return moves ? { ...rest, moves } : rest;
}

/** A version's place in the log; `floor` is the oldest step the clean-up has not yet dropped. */
export interface SyncSeq {
  seq: number;
  floor: number;
}

export interface BlockRef {
  level: number;
  start: number;
}

/** Data version ids are hex digests (tools/compile/compile.ts): a client's id that is not one reaches no KV key. */
export const isVersionId = (id: string): boolean => /^[0-9a-f]{1,64}$/.test(id);

export const SYNC_KEEP_MS = 7 * 24 * 60 * 60 * 1000;
export const SYNC_KEEP_PUBLISHES = 2000;
/** Largest block: 65,536 steps (45 days at a publish a minute); past it the cover grows by one key per such run. */
export const SYNC_MAX_LEVEL = 16;
/** KV bulk get takes at most 100 keys: a cover past it is not read (Cloudflare KV docs). */
export const SYNC_MAX_COVER = 100;

const size = (level: number) => 2 ** level;

/** The aligned blocks, oldest first, whose steps are exactly `from` .. `to - 1`: greedy, largest first. */
export function coverBlocks(from: number, to: number): BlockRef[] {
  const blocks: BlockRef[] = [];
  for (let at = from; at < to; ) {
    let level = 0;
    while (level < SYNC_MAX_LEVEL && at % size(level + 1) === 0 && at + size(level + 1) <= to) level += 1;
    blocks.push({ level, start: at });
    at += size(level);
  }
  return blocks;
}

/** The blocks (level 1 up) that step `step` completes, smallest first: each merges the one below with its left sibling. */
export function completedBlocks(step: number): BlockRef[] {
  const blocks: BlockRef[] = [];
  for (let level = 1; level <= SYNC_MAX_LEVEL && (step + 1) % size(level) === 0; level++) {
    blocks.push({ level, start: step + 1 - size(level) });
  }
  return blocks;
}

/** The blocks starting at `start`, one per level that divides it, that are complete before step `limit`. */
export function blocksStartingAt(start: number, limit: number): BlockRef[] {
  const blocks: BlockRef[] = [];
  for (let level = 0; level <= SYNC_MAX_LEVEL && start % size(level) === 0 && start + size(level) <= limit; level++) {
    blocks.push({ level, start });
  }
  return blocks;
}

const idOf = ([type, slug]: ChangeTuple): string => `${type}:${slug}`;
const byId = (a: ChangeTuple, b: ChangeTuple): number => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);

/** Changes in id order, each node once with its latest kind: a later REMOVED beats an earlier UPSERTED and the reverse. */
export function composeChanges(...lists: ChangeTuple[][]): ChangeTuple[] {
  const latest = new Map<string, ChangeTuple>();
  for (const list of lists) for (const change of list) latest.set(idOf(change), change);
  return [...latest.values()].sort(byId);
}

/** Consecutive blocks as one, oldest first; null when they do not chain (a log rewritten after a rollback). */
export function composeBlocks(blocks: SyncBlock[]): SyncBlock | null {
  if (blocks.length === 0) return null;
  for (let i = 1; i < blocks.length; i++) if (blocks[i]!.from !== blocks[i - 1]!.to) return null;
  const known = blocks.every((b) => b.changes !== null);
  const moved = blocks.every((b) => Array.isArray(b.moves));
  return {
    from: blocks[0]!.from,
    to: blocks[blocks.length - 1]!.to,
    at: blocks[0]!.at,
    changes: known ? composeChanges(...blocks.map((b) => b.changes!)) : null,
    ...(moved ? { moves: composeMoves(...blocks.map((b) => b.moves!)) } : {}),
  };
}

/**
 * Steps the clean-up may drop, oldest first from `floor`: each older than `now - keepMs` and
 * with at least `keepPublishes` steps after it. `steps[i]` is step `floor + i` (null when gone).
 */
export function expiredSteps(floor: number, steps: Array<SyncBlock | null>, next: number, now: number, keep = { ms: SYNC_KEEP_MS, publishes: SYNC_KEEP_PUBLISHES }): number {
  let count = 0;
  for (const step of steps) {
    const seq = floor + count;
    if (seq >= next - keep.publishes || (step !== null && step.at >= now - keep.ms)) break;
    count += 1;
  }
  return count;
}
