import type { NodeType } from './documents';

/**
 * Delta sync (docs/app-developers.md): what changed between two data versions, node by node.
 *
 * Every version stores a manifest, each node's id and the hash of its stored document. When a
 * version is published (tools/publish/publish.ts), it is diffed against the manifest of each
 * version that stays kept (the current one and the one before: KEEP_PREVIOUS), and the
 * differences are stored under the new version, sorted, in chunks of CHANGES_CHUNK_SIZE. An
 * app that holds any kept version then reads its changes in one round trip per page; an app
 * whose version is no longer kept is told to refresh fully.
 */
export type ChangeKind = 'UPSERTED' | 'REMOVED';
export type ChangeTuple = [type: NodeType, slug: string, kind: ChangeKind];

/** `Type:slug` -> the first NODE_HASH_LENGTH hex digits of the SHA-256 of its document. */
export type NodeManifest = Record<string, string>;
export const NODE_HASH_LENGTH = 16;

export interface ChangeChunk {
  total: number;
  items: ChangeTuple[];
}

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

/** A change list as chunks; an empty list is one empty chunk, so "no changes" is stored too. */
export function chunkChanges(changes: ChangeTuple[], size: number): ChangeChunk[] {
  const chunks: ChangeChunk[] = [];
  for (let i = 0; i === 0 || i < changes.length; i += size) chunks.push({ total: changes.length, items: changes.slice(i, i + size) });
  return chunks;
}
