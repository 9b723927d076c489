import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KvWriter } from './kv-writer';
import { KEEP_PREVIOUS, publish, PublishError, rollback, type DataToPublish } from './publish';
import { HISTORY_KEY, POINTER_KEY } from '../../src/model/keys';
import { failingAfter as failing, openLocalKv } from '../fixtures/local-kv';

/** Publishing against real local KV (local-kv.ts). */
let kv: KvWriter;
let close: () => Promise<void>;

beforeAll(async () => ({ kv, close } = await openLocalKv()), 60_000);
afterAll(() => close());
beforeEach(async () => kv.deleteMany(await kv.list('')), 60_000);

/** A data version of `size` keys (more than one bulk get of 100). Writes through the proxy
 * take milliseconds each, hence the small versions and the long timeouts. */
function version(name: string, size = 120): DataToPublish {
  return {
    pointer: { version: name, builtAt: '2026-01-01T00:00:00.000Z', articleCount: size, entityCount: 0 },
    entries: Array.from({ length: size }, (_, i) => ({ key: `v:${name}:a:item-${i}`, value: JSON.stringify({ name, i }) })),
  };
}

/** What a reader sees: the pointer's version and every value of it. */
async function readerView() {
  const pointer = (await kv.getMany([POINTER_KEY])).get(POINTER_KEY);
  if (!pointer) return null;
  const { version: current } = JSON.parse(pointer) as { version: string };
  const keys = await kv.list(`v:${current}:`);
  return { version: current, values: await kv.getMany(keys) };
}

const history = async () => JSON.parse((await kv.getMany([HISTORY_KEY])).get(HISTORY_KEY) ?? '[]').map((h: { version: string }) => h.version);

const failingAfter = (budget: number) => failing(kv, budget);

describe('publish', { timeout: 60_000 }, () => {
  it('writes every key, reads them back, then switches the pointer', async () => {
    const v1 = version('v1');
    expect(await publish(kv, v1)).toEqual({ status: 'published', previous: null, deletedVersions: [], deletedKeys: 0 });
    const view = await readerView();
    expect(view!.version).toBe('v1');
    expect([...view!.values.values()]).toEqual(expect.arrayContaining(v1.entries.map((e) => e.value)));
    expect(view!.values.size).toBe(120);
    expect(await history()).toEqual(['v1']);
  });

  it('an upload that fails halfway leaves readers on the old version with nothing lost', async () => {
    await publish(kv, version('v1'));
    const before = await readerView();
    await expect(publish(failingAfter(60), version('v2'))).rejects.toThrow('connection reset');
    expect(await readerView()).toEqual(before);
    expect(await history()).toEqual(['v1']);
    // A later, complete upload of the same version succeeds.
    await publish(kv, version('v2'));
    expect((await readerView())!.version).toBe('v2');
  });

  it('a write that is silently lost is caught by the read-back, and the pointer does not move', async () => {
    await publish(kv, version('v1'));
    const lossy: KvWriter = { ...kv, putMany: (pairs) => kv.putMany(pairs.filter((p) => !p.key.endsWith(':item-77'))) };
    await expect(publish(lossy, version('v2'))).rejects.toThrow(
      new PublishError('1 of 122 key(s) of version v2 did not read back as written (first: v:v2:a:item-77); the pointer still names v1.'),
    );
    expect((await readerView())!.version).toBe('v1');
  });

  it(`keeps the current version and ${KEEP_PREVIOUS} previous ones, and deletes older ones`, async () => {
    for (const name of ['v1', 'v2', 'v3']) await publish(kv, version(name, 40));
    expect((await publish(kv, version('v4', 40))).deletedVersions).toEqual(['v1']);
    expect(await history()).toEqual(['v4', 'v3', 'v2']);
    expect(await kv.list('v:v1:')).toEqual([]);
    for (const name of ['v2', 'v3', 'v4']) expect(await kv.list(`v:${name}:`)).toHaveLength(40);
  });

  it('refuses entries outside the new version, writing nothing', async () => {
    const bad = version('v1', 3);
    bad.entries.push({ key: 'current', value: '{}' });
    await expect(publish(kv, bad)).rejects.toThrow('Key current is not under version v1');
    expect(await kv.list('')).toEqual([]);
  });

  it('publishing the current version again changes nothing', async () => {
    await publish(kv, version('v1', 10));
    expect((await publish(kv, version('v1', 10))).status).toBe('unchanged');
  });
});

describe('rollback', { timeout: 60_000 }, () => {
  it('steps back through the kept versions, and refuses past the oldest', async () => {
    for (const name of ['v1', 'v2', 'v3']) await publish(kv, version(name, 30));
    expect((await rollback(kv)).version).toBe('v2');
    expect((await readerView())!.version).toBe('v2');
    expect((await rollback(kv)).version).toBe('v1');
    await expect(rollback(kv)).rejects.toThrow('No kept version before the current one');
    expect((await rollback(kv, 'v3')).version).toBe('v3');
    expect((await readerView())!.values.size).toBe(30);
  });

  it('refuses a version whose keys are not all in KV, and leaves the pointer', async () => {
    await publish(kv, version('v1', 30));
    await publish(kv, version('v2', 30));
    await kv.deleteMany(['v:v1:a:item-3']);
    await expect(rollback(kv)).rejects.toThrow('Version v1 has 29 of its 30 key(s) in KV; not switching.');
    expect((await readerView())!.version).toBe('v2');
  });

  it('after a rollback, the next publish keeps the version readers left', async () => {
    for (const name of ['v1', 'v2', 'v3']) await publish(kv, version(name, 10));
    await rollback(kv, 'v1');
    await publish(kv, version('v4', 10));
    expect(await history()).toEqual(['v4', 'v1', 'v3']);
    expect(await kv.list('v:v2:')).toEqual([]);
  });
});
