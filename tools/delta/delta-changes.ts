import { chunkChanges, type ChangeChunk, type ChangeTuple } from '../../src/model/changes';
import { CHANGES_CHUNK_SIZE, changesKey } from '../../src/model/keys';
import type { KvPair, KvWriter } from '../publish/kv-writer';

/**
 * Delta sync for a delta version (src/model/changes.ts) without any node manifest: a corpus's
 * manifest is megabytes, a delta's changes are what its build already knows. The list since
 * the parent is the delta's own changes; the list since an older kept version K is the
 * parent's stored list since K with the delta's changes laid over it (a node the delta touched
 * takes the delta's kind). Cost: the parent's lists, read, which are as long as what changed.
 */
const idOf = ([type, slug]: ChangeTuple): string => `${type}:${slug}`;
const byId = (a: ChangeTuple, b: ChangeTuple): number => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);

async function storedList(kv: KvWriter, version: string, since: string): Promise<ChangeTuple[] | null> {
  const first = (await kv.getMany([changesKey(version, since, 0)])).get(changesKey(version, since, 0));
  if (first == null) return null;
  const head = JSON.parse(first) as ChangeChunk;
  const rest = Array.from({ length: Math.ceil(head.total / CHANGES_CHUNK_SIZE) - 1 }, (_, i) => changesKey(version, since, i + 1));
  const stored = await kv.getMany(rest);
  return [...head.items, ...rest.flatMap((k) => (JSON.parse(stored.get(k) ?? '{"items":[]}') as ChangeChunk).items)];
}

export function composeChanges(older: ChangeTuple[], newer: ChangeTuple[]): ChangeTuple[] {
  const kinds = new Map<string, ChangeTuple>(older.map((c) => [idOf(c), c]));
  for (const c of newer) kinds.set(idOf(c), c);
  return [...kinds.values()].sort(byId);
}

/** The change lists `version` stores: since its parent, and since each older kept version the parent kept a list from. */
export async function deltaChangeEntries(
  kv: KvWriter,
  version: string,
  parent: string,
  olderKept: string[],
  changes: ChangeTuple[],
): Promise<KvPair[]> {
  const lists: Array<[since: string, list: ChangeTuple[]]> = [[parent, [...changes].sort(byId)]];
  for (const since of olderKept) {
    const before = await storedList(kv, parent, since);
    if (before) lists.push([since, composeChanges(before, changes)]);
  }
  return lists.flatMap(([since, list]) =>
    chunkChanges(list, CHANGES_CHUNK_SIZE).map((chunk, i) => ({ key: changesKey(version, since, i), value: JSON.stringify(chunk) })),
  );
}
