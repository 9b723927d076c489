import type { SearchPointer, VersionPointer } from '../../src/model/documents';
import { isVersionLocal, splitKey, TOMBSTONE } from '../../src/model/generations';
import { versionPrefix } from '../../src/model/keys';
import { utf8Length } from '../../src/text/utf8-length';
import type { KvPair, KvWriter } from '../publish/kv-writer';
import { foldSegments } from './fold-segments';
import { readResolved } from './resolve-keys';
import { writeChecked } from '../publish/version-state';
import { loadChain } from '../publish/load-chain';

/**
 * Compaction into a new base (docs/publishing.md): every key the parent reaches copied under the
 * new prefix with the delta applied, so the pointer has no chain and no level 1 again. KV has no
 * server-side copy, so this costs one write per key of the data set (115,638 at 100,000
 * articles); it happens only when level 1 outgrows its share of the base (publish-delta.ts,
 * src/model/level-one.ts). A full build (`publish`) resets the chain the same way. Keys are
 * copied in batches, each read back before the next.
 */
const BATCH = 1000;

export interface CompactDelta {
  pointer: { version: string; search?: SearchPointer };
  entries: KvPair[];
  deleted: string[];
}

export async function compactToBase(
  kv: KvWriter,
  parent: VersionPointer,
  delta: CompactDelta,
  own: KvPair[],
  log: (line: string) => void,
): Promise<{ keys: number; reach: number; bytes: number; search?: SearchPointer }> {
  const { version } = delta.pointer;
  const prefix = versionPrefix(version);
  const written = new Map(delta.entries.map((e) => [e.key.slice(prefix.length), e.value]));
  const replaced = new Set([...written.keys(), ...delta.deleted]);
  // The search segments are folded into the base shards as they are copied (fold-segments.ts).
  const fold = await foldSegments(delta.pointer.search, async (logicals) => {
    const stored = await readResolved(kv, parent, logicals.filter((l) => !replaced.has(l)));
    return new Map(logicals.map((l) => [l, written.get(l) ?? (stored.get(l)?.value || null)]));
  });
  const copy = (logical: string, value: string) => (fold ? fold.value(logical, value) : value);
  const reachable = new Set<string>();
  for (const generation of (await loadChain(kv, parent)).order) {
    for (const key of await kv.list(versionPrefix(generation))) {
      const logical = splitKey(key)!.logical;
      if (!isVersionLocal(logical) && !replaced.has(logical)) reachable.add(logical);
    }
  }
  let keys = 0;
  let bytes = 0;
  const put = async (batch: KvPair[]) => {
    await writeChecked(kv, version, batch, parent.version);
    keys += batch.length;
    bytes += batch.reduce((n, e) => n + utf8Length(e.value), 0);
  };
  const logicals = [...reachable];
  for (let i = 0; i < logicals.length; i += BATCH) {
    const values = await readResolved(kv, parent, logicals.slice(i, i + BATCH));
    await put([...values].flatMap(([l, r]) => {
      const value = r && r.value !== TOMBSTONE ? copy(l, r.value) : null;
      return value === null ? [] : [{ key: `${prefix}${l}`, value }];
    }));
  }
  const entries = [
    ...[...written].flatMap(([l, v]) => (isVersionLocal(l) ? [{ key: `${prefix}${l}`, value: v }] : [{ key: `${prefix}${l}`, value: copy(l, v) }])),
    ...(fold?.rest() ?? []).map((e) => ({ key: `${prefix}${e.logical}`, value: e.value })),
  ].filter((e): e is KvPair => e.value !== null);
  const reach = keys + entries.filter((e) => !isVersionLocal(e.key.slice(prefix.length))).length;
  await put([...entries, ...own]);
  log(`new base ${version}: ${keys} key(s) copied and written${fold ? ', search segments folded into the base shards' : ''}`);
  return { keys, reach, bytes, ...(fold && { search: fold.search }) };
}
