import type { NodeType } from './documents';

/**
 * Delta sync (docs/app-developers.md): what changed between two data versions, node by node.
 *
 * A full build stores a manifest, each node's id and the hash of its stored document; its
 * publish (tools/publish/publish.ts) diffs it against the current version's, and a delta
 * publish knows its changes from its build. Either is one step of the sync log
 * (src/model/sync-log.ts), which answers any `since` of the last 7 days (and 2,000 publishes).
 */
export type ChangeKind = 'UPSERTED' | 'REMOVED';
export type ChangeTuple = [type: NodeType, slug: string, kind: ChangeKind];

/** `Type:slug` -> the first NODE_HASH_LENGTH hex digits of the SHA-256 of its document. */
export type NodeManifest = Record<string, string>;
export const NODE_HASH_LENGTH = 16;

/** The changes that turn `before` into `after`, sorted by id (type, then slug). */
export function diffManifests(before: NodeManifest, after: NodeManifest): ChangeTuple[] {
  const changes: Array<[string, ChangeKind]> = [];
  for (const [id, hash] of Object.entries(after)) if (before[id] !== hash) changes.push([id, 'UPSERTED']);
  for (const id of Object.keys(before)) if (!(id in after)) changes.push([id, 'REMOVED']);
  changes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return changes.map(([id, kind]) => {
    const colon = id.indexOf(':');
    return [id.slice(0, colon) as NodeType, id.slice(colon + 1), kind];
  });
}
