import { env } from 'cloudflare:workers';
import { versionPrefix } from '../../src/model/keys';
import { buildDelta, type Delta } from '../../tools/build/incremental';
import { fromKvNamespace, type KvPair } from '../../tools/build/kv-writer';
import { previousFromKv } from '../../tools/build/previous-version';
import { publish } from '../../tools/build/publish';
import type { TextSourceFile } from '../../tools/build/read-data-set';

const sha256 = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

/** The incremental build (tools/build/incremental.ts) against this test file's local KV. */
export async function deltaFor(files: TextSourceFile[], withdrawn: string[], builtAt: string): Promise<Delta> {
  const previous = await previousFromKv(fromKvNamespace(env.NEWS));
  if (!previous) throw new Error('nothing published to build a delta on');
  const result = await buildDelta(previous, files, withdrawn, { builtAt, hash: sha256 });
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.data;
}

/**
 * The delta as a complete version: the parent's keys (its change lists and node manifest
 * aside: those belong to one version), minus the deleted, plus the written. This stands in for
 * the storage layer's publishDelta in tests of the build half: it lets the ordinary publish
 * (tools/build/publish.ts) load the version and the worker read it.
 */
export async function publishMaterialized(delta: Delta): Promise<void> {
  const kv = fromKvNamespace(env.NEWS);
  const prefix = versionPrefix(delta.parent);
  const keys = (await kv.list(prefix)).filter((k) => {
    const logical = k.slice(prefix.length);
    return !logical.startsWith('c:') && logical !== 'm' && !delta.deleted.includes(logical);
  });
  const values = await kv.getMany(keys);
  const entries = new Map<string, string>(keys.map((k) => [`v:${delta.pointer.version}:${k.slice(prefix.length)}`, values.get(k)!]));
  for (const e of delta.entries) entries.set(e.key, e.value);
  const pairs: KvPair[] = [...entries].map(([key, value]) => ({ key, value }));
  await publish(kv, { pointer: delta.pointer, entries: pairs });
}
