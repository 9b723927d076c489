import type { EntityDoc, ListChunk, ListHead, VersionPointer } from '../../src/model/documents';
import type { EntityType } from '../../src/model/documents';
import type { KvWriter } from '../publish/kv-writer';
import type { DeltaToPublish } from './publish-delta';
import { readResolved } from './resolve-keys';

/**
 * An entity renamed in one language, as a delta on the current version: its record and the
 * chunks of its type's list that carry it, nothing else (the incremental build takes articles
 * only; a KB edit otherwise goes through a full build). What the desk does when a name is
 * spelled anew, and what the answer caches must notice: the entity's page, the type-ahead and
 * every answer that showed the old name read one of these keys.
 */
export async function renameEntityDelta(
  kv: KvWriter,
  current: VersionPointer,
  entity: { type: EntityType; slug: string; list: string },
  name: { language: string; value: string },
  version: string,
  builtAt: string,
): Promise<DeltaToPublish> {
  const { slug, list } = entity;
  const found = await readResolved(kv, current, [`e:${slug}`, `h:${list}`]);
  const stored = found.get(`e:${slug}`);
  if (!stored) throw new Error(`no entity e:${slug} in version ${current.version}`);
  const rename = (doc: EntityDoc): EntityDoc => ({ ...doc, names: doc.names.map((n) => (n.language === name.language ? { ...n, value: name.value } : n)) });
  const entries = [{ key: `v:${version}:e:${slug}`, value: JSON.stringify(rename(JSON.parse(stored.value) as EntityDoc)) }];
  const head = found.get(`h:${list}`);
  const leaves = head ? (JSON.parse(head.value) as ListHead).leaves ?? [] : [];
  const chunks = await readResolved(kv, current, leaves.map(([id]) => `l:${list}:${id}`));
  for (const [logical, chunk] of chunks) {
    const items = chunk ? (JSON.parse(chunk.value) as ListChunk<EntityDoc>) : null;
    if (!items?.items.some((i) => i.slug === slug)) continue;
    entries.push({ key: `v:${version}:${logical}`, value: JSON.stringify({ ...items, items: items.items.map((i) => (i.slug === slug ? rename(i) : i)) }) });
  }
  const { base: _b, chain: _c, baseParent: _p, ...fields } = current;
  return { parent: current.version, pointer: { ...fields, version, builtAt }, entries, deleted: [], changes: [[entity.type, slug, 'UPSERTED']] };
}
