import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KvWriter } from '../publish/kv-writer';
import { publish, rollback } from '../publish/publish';
import { publishDelta, type DeltaToPublish } from './publish-delta';
import { readCurrent } from './resolve-keys';
import { HISTORY_KEY, levelOneKey, POINTER_KEY, syncBlockKey, syncSeqKey } from '../../src/model/keys';
import { collidingKeys } from '../fixtures/colliding-keys';
import { counting, failingAfter, openLocalKv } from '../fixtures/local-kv';

/**
 * Delta versions (tools/delta/publish-delta.ts) against real local KV: what each publish
 * writes and deletes, counted key by key, and what a reader of each version sees.
 */
let kv: KvWriter;
let close: () => Promise<void>;
beforeAll(async () => ({ kv, close } = await openLocalKv()), 60_000);
afterAll(() => close());
beforeEach(async () => kv.deleteMany(await kv.list('')), 60_000);

const ITEMS = Array.from({ length: 10 }, (_, i) => `a:item-${i}`);
const fields = (version: string) => ({ version, builtAt: '2026-01-01T00:00:00.000Z', articleCount: 10, entityCount: 0 });
const base = (version = 'b0') =>
  publish(kv, { pointer: fields(version), entries: ITEMS.map((l) => ({ key: `v:${version}:${l}`, value: JSON.stringify({ l, version }) })) });
/** A delta that writes `changed` (value naming the version) and deletes `deleted`. */
function delta(parent: string, version: string, changed: string[], deleted: string[] = []): DeltaToPublish {
  return { parent, pointer: fields(version), entries: changed.map((l) => ({ key: `v:${version}:${l}`, value: JSON.stringify({ l, version }) })), deleted };
}
/** What a reader of the current version sees for every item: the version each value came from, or null. */
async function view(logicals = [...ITEMS, 'a:new']) {
  const { pointer, values } = await readCurrent(kv, logicals);
  return { version: pointer?.version, from: Object.fromEntries([...values].map(([l, v]) => [l, v && (JSON.parse(v) as { version: string }).version])) };
}
const expected = (version: string, from: Record<string, string | null>) => ({
  version,
  from: { ...Object.fromEntries(ITEMS.map((l) => [l, 'b0'])), 'a:new': null, ...from },
});
const history = async () => JSON.parse((await kv.getMany([HISTORY_KEY])).get(HISTORY_KEY) ?? '[]').map((h: { version: string }) => h.version);

describe('publishDelta', { timeout: 60_000 }, () => {
  it('a one-key delta writes the key, its generation manifest and two keys of the sync log besides history and pointer', async () => {
    await base();
    const writer = counting(kv);
    const result = await publishDelta(writer, delta('b0', 'd1', ['a:item-3']));
    expect(result).toMatchObject({ status: 'published', keysWritten: 4, syncKeys: 2, compacted: false, deletedKeys: 0 });
    expect(writer.puts.map((p) => p.key)).toEqual(['v:d1:a:item-3', 'v:d1:g', syncBlockKey(0, 0), syncSeqKey('d1'), HISTORY_KEY, POINTER_KEY]);
    expect(await view()).toEqual(expected('d1', { 'a:item-3': 'd1' }));
  });

  it('a deleted key reads as absent through its tombstone, and an added one appears', async () => {
    await base();
    await publishDelta(kv, delta('b0', 'd1', ['a:new'], ['a:item-0', 'a:never-there']));
    // Deleting a key the parent does not have writes nothing for it.
    expect(await kv.list('v:d1:')).toEqual(['v:d1:a:item-0', 'v:d1:a:new', 'v:d1:g']);
    expect(await view()).toEqual(expected('d1', { 'a:item-0': null, 'a:new': 'd1' }));
  });

  it('a crash between the writes and the pointer leaves readers on the parent; a re-run completes', async () => {
    await base();
    const before = await view();
    const d1 = delta('b0', 'd1', ['a:item-1', 'a:item-2'], ['a:item-3']);
    // Four keys go in (two entries, a tombstone, the manifest); the history write fails.
    await expect(publishDelta(failingAfter(kv, 4), d1)).rejects.toThrow('connection reset');
    expect(await kv.list('v:d1:')).toHaveLength(4);
    expect(await view()).toEqual(before);
    expect(await history()).toEqual(['b0']);
    await publishDelta(kv, d1);
    expect(await view()).toEqual(expected('d1', { 'a:item-1': 'd1', 'a:item-2': 'd1', 'a:item-3': null }));
    expect((await publishDelta(kv, d1)).status).toBe('unchanged');
  });

  it('refuses a delta built on another version, writing nothing', async () => {
    await base();
    await expect(publishDelta(kv, delta('zz', 'd1', ['a:item-1']))).rejects.toThrow(
      'Delta d1 applies to zz, but the current version is b0; rebuild it against the current version.',
    );
    await expect(publishDelta(kv, { ...delta('b0', 'd1', []), entries: [{ key: 'v:d1:a:x', value: '' }] })).rejects.toThrow('empty value');
    expect(await kv.list('v:d1:')).toEqual([]);
  });

  it('rolls back to each kept version, which answers its own data', async () => {
    await base();
    await publishDelta(kv, delta('b0', 'd1', ['a:item-1'], ['a:item-2']));
    await publishDelta(kv, delta('d1', 'd2', ['a:item-1', 'a:item-2', 'a:new']));
    expect(await history()).toEqual(['d2', 'd1', 'b0']);
    const d2 = expected('d2', { 'a:item-1': 'd2', 'a:item-2': 'd2', 'a:new': 'd2' });
    expect(await view()).toEqual(d2);
    await rollback(kv, 'd1');
    expect(await view()).toEqual(expected('d1', { 'a:item-1': 'd1', 'a:item-2': null }));
    await rollback(kv, 'b0');
    expect(await view()).toEqual(expected('b0', {}));
    await rollback(kv, 'd2');
    expect(await view()).toEqual(d2);
    // A lost key of a generation is found before readers are switched to it.
    await kv.deleteMany(['v:d1:a:item-1']);
    await expect(rollback(kv, 'd1')).rejects.toThrow('Generation d1 of version d1 lost 1 key(s); not switching.');
  });

  it('deletes exactly the keys no kept version reaches', async () => {
    await base();
    const deleted: number[] = [];
    const steps: Array<[string, string, string[]]> = [['b0', 'd1', ['a:item-0']], ['d1', 'd2', ['a:item-0']], ['d2', 'd3', ['a:item-1']], ['d3', 'd4', ['a:item-2']]];
    for (const [parent, version, changed] of steps) {
      const writer = counting(kv);
      deleted.push((await publishDelta(writer, delta(parent, version, changed))).deletedKeys);
      expect(writer.deletes).toHaveLength(deleted.at(-1)!);
    }
    // d3: b0 leaves the kept versions; b0's item-0 is overridden in d1, d2 and d3. d4: d1
    // leaves; d1's item-0 is overridden in d2, d3, d4. b0's item-1 stays: d2 still reads it.
    expect(deleted).toEqual([0, 0, 1, 1]);
    expect(await kv.list('v:b0:')).toHaveLength(9);
    expect(await kv.list('v:d1:')).toEqual(['v:d1:g']);
    // Full builds start new bases. n1: d2 leaves, so b0's item-1 (overridden in d3 and d4) goes;
    // n2: d3 leaves, b0's item-2 goes; n3: no kept version names the chain, whose keys go whole
    // (b0's 7 left, d1's manifest, and d2, d3, d4's key and manifest each).
    const full: number[] = [];
    for (const v of ['n1', 'n2', 'n3']) full.push((await base(v)).deletedKeys!);
    expect(full).toEqual([1, 1, 7 + 1 + 2 + 2 + 2]);
    expect((await kv.list('')).filter((k) => !k.startsWith('v:n') && !k.startsWith('sync:'))).toEqual([HISTORY_KEY, POINTER_KEY].sort());
  });

  it("logs each delta's own changes as a step, and merges two steps into a block once both are in", async () => {
    await base();
    await publishDelta(kv, { ...delta('b0', 'd1', ['a:x']), changes: [['Person', 'p', 'UPSERTED'], ['Article', 'x', 'UPSERTED']] });
    const writer = counting(kv);
    await publishDelta(writer, { ...delta('d1', 'd2', [], ['a:x']), changes: [['Article', 'x', 'REMOVED'], ['Article', 'y', 'UPSERTED']] });
    const read = async (key: string) => JSON.parse((await kv.getMany([key])).get(key)!);
    expect(await read(syncBlockKey(0, 0))).toMatchObject({ from: 'b0', to: 'd1', changes: [['Article', 'x', 'UPSERTED'], ['Person', 'p', 'UPSERTED']] });
    expect(await read(syncBlockKey(0, 1))).toMatchObject({ from: 'd1', to: 'd2', changes: [['Article', 'x', 'REMOVED'], ['Article', 'y', 'UPSERTED']] });
    // The later REMOVED wins over the earlier UPSERTED.
    expect(await read(syncBlockKey(1, 0))).toMatchObject({
      from: 'b0',
      to: 'd2',
      changes: [['Article', 'x', 'REMOVED'], ['Article', 'y', 'UPSERTED'], ['Person', 'p', 'UPSERTED']],
    });
    expect(await read(syncSeqKey('d2'))).toEqual({ seq: 2, floor: 0 });
    expect(writer.puts.map((p) => p.key)).toEqual(['v:d2:a:x', 'v:d2:g', syncBlockKey(0, 1), syncBlockKey(1, 0), syncSeqKey('d2'), HISTORY_KEY, POINTER_KEY]);
  });

  it('compacts the chain into a new base at its bound when level 1 may hold nothing, and the data reads the same', async () => {
    await base();
    const bound = { maxGenerations: 2, levelOneShare: 0 };
    await publishDelta(kv, delta('b0', 'd1', ['a:item-1'], ['a:item-9']), undefined, bound);
    await publishDelta(kv, delta('d1', 'd2', ['a:item-2']), undefined, bound);
    const result = await publishDelta(kv, delta('d2', 'd3', ['a:item-3']), undefined, bound);
    expect(result).toMatchObject({ compacted: true, keysWritten: 9 + 2, syncKeys: 2 });
    const pointer = JSON.parse((await kv.getMany([POINTER_KEY])).get(POINTER_KEY)!);
    expect(pointer.chain).toBeUndefined();
    expect(await kv.list('v:d3:')).toHaveLength(9);
    expect(await view()).toEqual(expected('d3', { 'a:item-1': 'd1', 'a:item-2': 'd2', 'a:item-3': 'd3', 'a:item-9': null }));
    await rollback(kv, 'd1');
    expect(await view()).toEqual(expected('d1', { 'a:item-1': 'd1', 'a:item-9': null }));
  });

  it('folds the chain into level 1 at its bound: the delta and one index key, nothing copied; later publishes and rollbacks read the same', async () => {
    await base();
    // A ten-key base: level 1 may hold as many keys as it has.
    const bound = { maxGenerations: 2, levelOneShare: 1 };
    await publishDelta(kv, delta('b0', 'd1', ['a:item-1'], ['a:item-9']), undefined, bound);
    await publishDelta(kv, delta('d1', 'd2', ['a:item-2']), undefined, bound);
    const writer = counting(kv);
    const result = await publishDelta(writer, delta('d2', 'd3', ['a:item-3', 'a:item-1']), undefined, bound);
    expect(result).toMatchObject({ folded: true, compacted: false, keysWritten: 2 + 2 + result.syncKeys });
    expect(await kv.list('v:d3:')).toEqual(['v:d3:a:item-1', 'v:d3:a:item-3', 'v:d3:g', levelOneKey('d3')]);
    expect(writer.puts.map((p) => p.key)).toContain(levelOneKey('d3'));
    const pointer = JSON.parse((await kv.getMany([POINTER_KEY])).get(POINTER_KEY)!);
    expect(pointer).toMatchObject({ base: 'b0', level1: { version: 'd3', entries: 4, generations: 3 } });
    expect(pointer.chain).toBeUndefined();
    expect(await view()).toEqual(expected('d3', { 'a:item-1': 'd3', 'a:item-2': 'd2', 'a:item-3': 'd3', 'a:item-9': null }));

    // A publish on top of level 1 chains as before; the next fold merges the new chain in.
    await publishDelta(kv, delta('d3', 'd4', ['a:item-4']), undefined, bound);
    expect(await view()).toEqual(expected('d4', { 'a:item-1': 'd3', 'a:item-2': 'd2', 'a:item-3': 'd3', 'a:item-4': 'd4', 'a:item-9': null }));
    await publishDelta(kv, delta('d4', 'd5', ['a:item-2']), undefined, bound);
    const refolded = await publishDelta(kv, delta('d5', 'd6', [], ['a:item-1']), undefined, bound);
    expect(refolded.folded).toBe(true);
    const after = JSON.parse((await kv.getMany([POINTER_KEY])).get(POINTER_KEY)!);
    // item-1, item-2, item-3, item-4, item-9: d2's entry for item-2 gave way to d5's.
    expect(after.level1).toEqual({ version: 'd6', entries: 5, generations: 6 });
    const d6 = { 'a:item-1': null, 'a:item-2': 'd5', 'a:item-3': 'd3', 'a:item-4': 'd4', 'a:item-9': null };
    expect(await view()).toEqual(expected('d6', d6));
    expect(JSON.parse((await kv.getMany([HISTORY_KEY])).get(HISTORY_KEY)!)[0].folded).toEqual(['d6', 'd5', 'd4', 'd3', 'd2', 'd1']);
    expect(await history()).toEqual(['d6', 'd5', 'd4']);

    // Rollback checks level 1's generations hold what the index says, then reads as before.
    await rollback(kv, 'd4');
    expect(await view()).toEqual(expected('d4', { 'a:item-1': 'd3', 'a:item-2': 'd2', 'a:item-3': 'd3', 'a:item-4': 'd4', 'a:item-9': null }));
    await rollback(kv, 'd6');
    expect(await view()).toEqual(expected('d6', d6));

    // d3's index goes once no kept version's pointer names it; its data stays (d6's level 1 reads it).
    expect(await kv.list('v:d3:')).toContain(levelOneKey('d3'));
    await publishDelta(kv, delta('d6', 'd7', ['a:item-5']), undefined, bound);
    await publishDelta(kv, delta('d7', 'd8', ['a:item-6']), undefined, bound);
    expect(await history()).toEqual(['d8', 'd7', 'd6']);
    expect(await kv.list('v:d3:')).toEqual(['v:d3:a:item-3', 'v:d3:g']);
    expect(await view()).toEqual(expected('d8', { ...d6, 'a:item-5': 'd7', 'a:item-6': 'd8' }));
  });

  it('writes a new base once level 1 would outgrow its share of the base, which resets level 1', async () => {
    await base();
    const bound = { maxGenerations: 1, levelOneShare: 0.25 };
    await publishDelta(kv, delta('b0', 'd1', ['a:item-1']), undefined, bound);
    expect((await publishDelta(kv, delta('d1', 'd2', ['a:item-2']), undefined, bound)).folded).toBe(true);
    await publishDelta(kv, delta('d2', 'd3', ['a:item-3']), undefined, bound);
    // Four keys in level 1 of a ten-key base is past a quarter.
    const result = await publishDelta(kv, delta('d3', 'd4', ['a:item-4']), undefined, bound);
    expect(result).toMatchObject({ compacted: true, folded: false });
    const pointer = JSON.parse((await kv.getMany([POINTER_KEY])).get(POINTER_KEY)!);
    expect(pointer.level1).toBeUndefined();
    expect(pointer.chain).toBeUndefined();
    expect(await kv.list('v:d4:')).toHaveLength(10);
    expect(await view()).toEqual(expected('d4', { 'a:item-1': 'd1', 'a:item-2': 'd2', 'a:item-3': 'd3', 'a:item-4': 'd4' }));
  });

  it('counts a base loaded without a history (bulk put, pointer last) at its keys, so its chain folds into level 1', async () => {
    await kv.putMany(ITEMS.map((l) => ({ key: `v:b0:${l}`, value: JSON.stringify({ l, version: 'b0' }) })));
    await kv.putMany([{ key: POINTER_KEY, value: JSON.stringify(fields('b0')) }]);
    const bound = { maxGenerations: 1, levelOneShare: 0.25 };
    await publishDelta(kv, delta('b0', 'd1', ['a:item-1']), undefined, bound);
    // Two keys in level 1 of a ten-key base is within a quarter: a fold, not a new base of ten keys.
    expect(await publishDelta(kv, delta('d1', 'd2', ['a:item-2']), undefined, bound)).toMatchObject({ folded: true, compacted: false });
    expect(JSON.parse((await kv.getMany([POINTER_KEY])).get(POINTER_KEY)!)).toMatchObject({ base: 'b0', level1: { version: 'd2', entries: 2, generations: 2 } });
    expect(await view()).toEqual(expected('d2', { 'a:item-1': 'd1', 'a:item-2': 'd2' }));
  });

  it('reads two keys of one hash from their own generations across folds', async () => {
    const [k1, k2] = collidingKeys();
    await base();
    const bound = { maxGenerations: 1, levelOneShare: 1 };
    await publishDelta(kv, delta('b0', 'd1', [k1]), undefined, bound);
    await publishDelta(kv, delta('d1', 'd2', [k2]), undefined, bound);
    await publishDelta(kv, delta('d2', 'd3', ['a:item-0']), undefined, bound);
    await publishDelta(kv, delta('d3', 'd4', [k1]), undefined, bound);
    const { from } = await view([k1, k2]);
    expect(from).toEqual({ [k1]: 'd4', [k2]: 'd2' });
  });
});
