import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KvWriter } from '../publish/kv-writer';
import { publish, type DataToPublish } from '../publish/publish';
import { publishDelta } from './publish-delta';
import { diffManifests, type ChangeTuple, type NodeManifest } from '../../src/model/changes';
import { shardManifest } from '../../src/model/node-manifest';
import { HISTORY_KEY, nodeManifestKey, nodeManifestShardKey, POINTER_KEY, syncBlockKey, syncSeqKey } from '../../src/model/keys';
import type { SyncBlock, SyncSeq } from '../../src/model/sync-log';
import { counting, openLocalKv } from '../fixtures/local-kv';

/**
 * Delta sync from sharded node manifests (src/model/node-manifest.ts) against real local KV:
 * the sync log's step a full publish stores is what the whole manifests diff to, a version
 * that stored its manifest whole still diffs, and every shard goes with its version.
 */
let kv: KvWriter;
let close: () => Promise<void>;
beforeAll(async () => ({ kv, close } = await openLocalKv()), 60_000);
afterAll(() => close());
beforeEach(async () => kv.deleteMany(await kv.list('')), 60_000);

/** 20,000 nodes: two shards. `changed` of them hash differently, and one is new. */
const NODES = 20_000;
function nodes(changed: number): NodeManifest {
  const m: NodeManifest = {};
  for (let i = 0; i < NODES; i++) m[`Article:story-${i}`] = i < changed ? 'changed' : 'same';
  if (changed > 0) m['Person:new'] = 'p';
  return m;
}

const DATA_KEYS = 3;
function version(name: string, manifest: NodeManifest, whole = false): DataToPublish {
  const { head, shards } = shardManifest(manifest);
  const stored = whole
    ? [{ key: nodeManifestKey(name), value: JSON.stringify(manifest) }]
    : [{ key: nodeManifestKey(name), value: JSON.stringify(head) }, ...shards.map((s, i) => ({ key: nodeManifestShardKey(name, i), value: JSON.stringify(s) }))];
  return {
    pointer: { version: name, builtAt: '2026-01-01T00:00:00.000Z', articleCount: NODES, entityCount: 0 },
    entries: [...Array.from({ length: DATA_KEYS }, (_, i) => ({ key: `v:${name}:a:item-${i}`, value: `{"i":${i}}` })), ...stored],
  };
}

/** The changes the sync log's step into `version` holds (null: not known), after checking it comes from `since`. */
async function changeList(version: string, since: string): Promise<ChangeTuple[] | null> {
  const { seq } = JSON.parse((await kv.getMany([syncSeqKey(version)])).get(syncSeqKey(version))!) as SyncSeq;
  const step = JSON.parse((await kv.getMany([syncBlockKey(0, seq - 1)])).get(syncBlockKey(0, seq - 1))!) as SyncBlock;
  expect([step.from, step.to]).toEqual([since, version]);
  return step.changes;
}

describe('delta sync from a sharded node manifest', { timeout: 120_000 }, () => {
  it('stores a head and its shards, and the change lists the whole manifests diff to', async () => {
    const before = nodes(0);
    const after = nodes(150);
    const writer = counting(kv);
    await publish(writer, version('v1', before));
    expect(writer.puts.filter((p) => p.key.startsWith('v:v1:m')).map((p) => p.key)).toEqual(['v:v1:m', 'v:v1:m:0', 'v:v1:m:1']);
    // The data, head and two shards, the version's place in the sync log, history and pointer.
    expect(writer.puts).toHaveLength(DATA_KEYS + 3 + 1 + 2);

    const second = counting(kv);
    await publish(second, version('v2', after));
    const expected = diffManifests(before, after);
    expect(expected).toHaveLength(151);
    expect(await changeList('v2', 'v1')).toEqual(expected);
    // The data, head and two shards, the sync log's step and place, history and pointer.
    expect(second.puts).toHaveLength(DATA_KEYS + 3 + 2 + 2);
  });

  it('diffs against a version that stored its manifest whole, before sharding', async () => {
    await publish(kv, version('old', nodes(0), true));
    await publish(kv, version('new', nodes(30)));
    expect(await changeList('new', 'old')).toEqual(diffManifests(nodes(0), nodes(30)));
  });

  it('logs an unknown step since a version whose shard is missing, rather than a wrong one', async () => {
    await publish(kv, version('v1', nodes(0)));
    await kv.deleteMany([nodeManifestShardKey('v1', 1)]);
    await publish(kv, version('v2', nodes(5)));
    expect(await changeList('v2', 'v1')).toBeNull();
  });

  it('deletes every shard of a version that leaves the kept set, whole or still read by deltas', async () => {
    for (const name of ['v1', 'v2', 'v3']) await publish(kv, version(name, nodes(0)));
    const writer = counting(kv);
    await publish(writer, version('v4', nodes(0)));
    expect(await kv.list('v:v1:')).toEqual([]);
    expect(writer.deletes.filter((k) => k.startsWith('v:v1:m')).sort()).toEqual(['v:v1:m', 'v:v1:m:0', 'v:v1:m:1']);

    // v4 as the base of three deltas: once it leaves the kept set its data stays (the deltas
    // read it) but its head and shards go.
    let parent = 'v4';
    for (const d of ['d1', 'd2', 'd3']) {
      await publishDelta(kv, { parent, pointer: { ...version(d, {}).pointer }, entries: [{ key: `v:${d}:a:item-0`, value: `"${d}"` }], deleted: [] });
      parent = d;
    }
    expect((await kv.list('v:v4:')).sort()).toEqual(['v:v4:a:item-1', 'v:v4:a:item-2']);
    expect(await kv.list('')).toEqual(expect.arrayContaining([HISTORY_KEY, POINTER_KEY]));
  });
});
