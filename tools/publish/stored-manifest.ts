import { nodeManifestKey, nodeManifestShardKey } from '../../src/model/keys';
import { readManifestHead, type StoredManifest } from '../../src/model/node-manifest';
import type { KvPair, KvWriter } from './kv-writer';

/**
 * The node manifests a full publish diffs (publish.ts changesSince), read as stored texts: the
 * new version's from its entries, the kept versions' from KV, heads first (one bulk read) and
 * then every shard the heads name (one more). A version built before the sharding has its
 * whole manifest under `m`, read as one text. A version whose head names a shard KV does not
 * hold has no usable manifest: it gets no change list, as a version without one does.
 */
export function ownManifest(entries: KvPair[], version: string): StoredManifest | null {
  const head = nodeManifestKey(version);
  const mine = new Map<string, string>();
  for (const e of entries) if (e.key === head || e.key.startsWith(`${head}:`)) mine.set(e.key, e.value);
  const text = mine.get(head);
  return text == null ? null : assemble(version, text, mine);
}

export async function storedManifests(kv: KvWriter, versions: string[]): Promise<Map<string, StoredManifest>> {
  const heads = await kv.getMany(versions.map(nodeManifestKey));
  const shardKeys = versions.flatMap((v) => {
    const text = heads.get(nodeManifestKey(v));
    const read = text == null ? null : readManifestHead(text);
    return read && 'head' in read ? Array.from({ length: read.head.shards }, (_, i) => nodeManifestShardKey(v, i)) : [];
  });
  const shards = await kv.getMany(shardKeys);
  const manifests = new Map<string, StoredManifest>();
  for (const v of versions) {
    const text = heads.get(nodeManifestKey(v));
    const manifest = text == null ? null : assemble(v, text, shards);
    if (manifest) manifests.set(v, manifest);
  }
  return manifests;
}

function assemble(version: string, headText: string, values: Map<string, string | null>): StoredManifest | null {
  const read = readManifestHead(headText);
  if ('whole' in read) return { head: null, texts: [headText] };
  const texts: string[] = [];
  for (let i = 0; i < read.head.shards; i++) {
    const text = values.get(nodeManifestShardKey(version, i));
    if (text == null) return null;
    texts.push(text);
  }
  return { head: read.head, texts };
}
