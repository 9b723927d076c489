import { describe, expect, it } from 'vitest';
import { diffManifests, NODE_HASH_LENGTH, type NodeManifest } from './changes';
import { diffStoredManifests, manifestShardCount, manifestShardOf, NODES_PER_SHARD, readManifestHead, shardManifest, type StoredManifest } from './node-manifest';

const manifest = (n: number, hash = (i: number) => String(i % 7)): NodeManifest =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`Article:story-${i}`, hash(i)]));
const stored = (m: NodeManifest): StoredManifest => {
  const { head, shards } = shardManifest(m);
  return { head, texts: shards.map((s) => JSON.stringify(s)) };
};

describe('the sharded node manifest', () => {
  it('has one shard up to NODES_PER_SHARD nodes, then doubles: 64 at a million articles', () => {
    expect([0, 1, NODES_PER_SHARD, NODES_PER_SHARD + 1, 100_000 + 2_000, 1_000_000 + 2_000].map(manifestShardCount)).toEqual([1, 1, 1, 2, 8, 64]);
  });

  it('puts every node in exactly one shard, the one its id hashes to', () => {
    const nodes = manifest(40_000);
    const { head, shards } = shardManifest(nodes);
    expect(head).toEqual({ shards: 4, nodes: 40_000 });
    expect(shards.reduce((n, s) => n + Object.keys(s).length, 0)).toBe(40_000);
    expect(shards.every((s, i) => Object.keys(s).every((id) => manifestShardOf(id, 4) === i))).toBe(true);
    expect(Object.assign({}, ...shards)).toEqual(nodes);
  });

  it('keeps each shard far under 25 MiB at a million articles, even with the longest slugs', () => {
    const shards = manifestShardCount(1_000_001);
    const counts = new Array<number>(shards).fill(0);
    for (let i = 0; i < 1_000_001; i++) counts[manifestShardOf(`Article:generated-${i}`, shards)]!++;
    // `"Organization:<120-character slug>":"<16 hex>",` is at most 156 bytes a node.
    const worst = Math.max(...counts) * (2 + 'Organization:'.length + 120 + 3 + NODE_HASH_LENGTH + 2);
    expect(Math.max(...counts)).toBeLessThan(NODES_PER_SHARD * 1.1);
    expect(worst).toBeLessThan(4 * 2 ** 20);
  });

  it('tells a head from a manifest stored whole (built before sharding)', () => {
    expect(readManifestHead('{"shards":8,"nodes":100}')).toEqual({ head: { shards: 8, nodes: 100 } });
    expect(readManifestHead('{"Article:a":"1"}')).toEqual({ whole: { 'Article:a': '1' } });
  });

  it('diffs shard by shard to the same changes as the whole manifests', () => {
    const before = manifest(40_000);
    const after = manifest(40_000, (i) => String(i % 7 === 3 ? 'x' : i % 7));
    delete after['Article:story-5'];
    after['Person:new'] = 'p';
    const expected = diffManifests(before, after);
    expect(expected).toHaveLength(1 + 1 + Math.ceil((40_000 - 3) / 7));
    expect(diffStoredManifests(stored(before), stored(after))).toEqual(expected);
    expect(diffStoredManifests(stored(after), stored(after))).toEqual([]);
  });

  it('diffs against a whole manifest, and across shard counts, by merging', () => {
    const before = manifest(10_000);
    const after = manifest(20_000);
    const expected = diffManifests(before, after);
    expect(expected).toHaveLength(10_000);
    expect(diffStoredManifests({ head: null, texts: [JSON.stringify(before)] }, stored(after))).toEqual(expected);
    expect(diffStoredManifests(stored(before), stored(after))).toEqual(expected);
  });
});
