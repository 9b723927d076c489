/**
 * List membership changes for delta sync (`changes(since:, lists:)`): which stories entered or
 * left which stored lists (src/model/keys.ts `lists`). A publish knows them from the lists it
 * takes each changed card out of and puts it into (tools/delta/incremental.ts); they ride in
 * the sync log's steps and merged runs beside the node changes (src/model/sync-log.ts), so a
 * `since` reads them in the round trips it already makes.
 */
export type MoveKind = 'ENTERED' | 'LEFT';
export type ListMove = [list: string, slug: string, kind: MoveKind];

const keyOf = ([list, slug]: ListMove): string => `${list}\n${slug}`;
const byKey = (a: ListMove, b: ListMove): number => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);

/** One story's moves in one publish: the lists it is in now and was not, and the reverse. */
export function movesOf(slug: string, before: readonly string[], after: readonly string[]): ListMove[] {
  const was = new Set(before);
  const is = new Set(after);
  return [
    ...[...is].filter((l) => !was.has(l)).map((l): ListMove => [l, slug, 'ENTERED']),
    ...[...was].filter((l) => !is.has(l)).map((l): ListMove => [l, slug, 'LEFT']),
  ].sort(byKey);
}

/**
 * Consecutive publishes' moves, oldest first, as one: per list and story, membership toggles
 * from publish to publish, so the net move is the first one when the last agrees with it (out
 * then in again, or in then out again, is no move at all). Sorted by list, then slug.
 */
export function composeMoves(...runs: ListMove[][]): ListMove[] {
  const first = new Map<string, ListMove>();
  const last = new Map<string, MoveKind>();
  for (const run of runs) {
    for (const move of run) {
      if (!first.has(keyOf(move))) first.set(keyOf(move), move);
      last.set(keyOf(move), move[2]);
    }
  }
  return [...first.values()].filter((m) => last.get(keyOf(m)) === m[2]).sort(byKey);
}
