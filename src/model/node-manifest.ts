import { diffManifests, type ChangeTuple, type NodeManifest } from './changes';
import { keyHash } from './generations';
import { powerOfTwoShards } from './keys';

/**
 * The node manifest of a full build (src/model/changes.ts), sharded: one value of every node's
 * hash is about 46 bytes a node, 4.4 MiB at 100,000 articles, and would pass Workers KV's
 * 25 MiB value limit at about 570,000. So it is stored as
 *
 *   v:<ver>:m          -> NodeManifestHead: how many shards, how many nodes
 *   v:<ver>:m:<shard>  -> NodeManifest: the nodes whose id hashes to <shard>
 *
 * A node's shard is its id's MurmurHash3 (generations.ts keyHash, the same in Node and
 * workerd) modulo a power-of-two count chosen so that a shard holds about NODES_PER_SHARD
 * nodes (about 0.75 MiB): one shard up to 16,384 nodes, 64 at a million articles. Two
 * versions with the same count put every node in the same shard, so they diff shard by shard
 * and a shard whose stored text is unchanged is skipped unparsed. A version built before the
 * sharding stored the whole manifest under `m`; it still diffs (readManifestHead tells it
 * apart: a head has no `Type:slug` ids, only `shards` and `nodes`).
 */
export interface NodeManifestHead {
  shards: number;
  nodes: number;
}

export const NODES_PER_SHARD = 16_384;
/** 2^10 shards of 16,384 nodes: 16 million nodes, far past any corpus the build handles. */
export const MAX_MANIFEST_SHARDS = 1024;

export const manifestShardCount = (nodes: number): number => powerOfTwoShards(nodes, NODES_PER_SHARD, MAX_MANIFEST_SHARDS);

export const manifestShardOf = (id: string, shards: number): number => keyHash(id) & (shards - 1);

/** The head and shards of a manifest, each shard's ids in the order they were added. */
export function shardManifest(nodes: NodeManifest): { head: NodeManifestHead; shards: NodeManifest[] } {
  const ids = Object.keys(nodes);
  const count = manifestShardCount(ids.length);
  const shards = Array.from({ length: count }, (): NodeManifest => ({}));
  for (const id of ids) shards[manifestShardOf(id, count)]![id] = nodes[id]!;
  return { head: { shards: count, nodes: ids.length }, shards };
}

/** A stored `m` value: a head, or (a version built before sharding) the whole manifest. */
export function readManifestHead(text: string): { head: NodeManifestHead } | { whole: NodeManifest } {
  const value = JSON.parse(text) as Record<string, unknown>;
  if (typeof value.shards === 'number' && typeof value.nodes === 'number') return { head: { shards: value.shards, nodes: value.nodes } };
  return { whole: value as NodeManifest };
}

/** A manifest as stored: its head (null for a whole one) and its shards' texts, by shard. */
export interface StoredManifest {
  head: NodeManifestHead | null;
  /** Shard texts (a whole manifest is one text); a missing shard is an error to the caller. */
  texts: string[];
}

const byId = (a: ChangeTuple, b: ChangeTuple): number => {
  const x = `${a[0]}:${a[1]}`;
  const y = `${b[0]}:${b[1]}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The changes from `before` to `after`, as diffManifests gives them for the whole manifests:
 * shard by shard when both have the same count (equal texts skipped), else merged whole.
 */
export function diffStoredManifests(before: StoredManifest, after: StoredManifest): ChangeTuple[] {
  const parse = (text: string) => JSON.parse(text) as NodeManifest;
  if (before.head && after.head && before.head.shards === after.head.shards) {
    const changes: ChangeTuple[] = [];
    after.texts.forEach((text, i) => {
      if (text !== before.texts[i]) changes.push(...diffManifests(parse(before.texts[i]!), parse(text)));
    });
    return changes.sort(byId);
  }
  const whole = (m: StoredManifest): NodeManifest => Object.assign({}, ...m.texts.map(parse)) as NodeManifest;
  return diffManifests(whole(before), whole(after));
}
