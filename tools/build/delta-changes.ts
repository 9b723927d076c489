import { chunkChanges, type ChangeChunk, type ChangeKind, type ChangeTuple } from '../../src/model/changes';
import type { NodeType } from '../../src/model/documents';
import { CHANGES_CHUNK_SIZE } from '../../src/model/keys';
import type { PreviousVersion } from './previous-version';
import { KEEP_PREVIOUS } from './publish';

/**
 * Delta sync's change lists (src/model/changes.ts) for a publish, derived from the delta itself
 * instead of from corpus-sized node manifests: the changes since the previous version are the
 * nodes this publish writes or removes; the changes since an older kept version are the
 * previous version's stored list since it, with this publish's changes laid over it. So the
 * cost follows what changed in the kept versions, not the corpus.
 *
 * Returns logical keys (`c:<since>:<chunk>`) and their chunks.
 */
export async function changeLists(previous: PreviousVersion, changes: ChangeTuple[]): Promise<Map<string, ChangeChunk>> {
  const lists = new Map<string, ChangeTuple[]>([[previous.pointer.version, sortChanges(changes)]]);
  for (const older of previous.kept.slice(0, KEEP_PREVIOUS - 1)) {
    const first = (await previous.read<ChangeChunk>([`c:${older}:0`])).get(`c:${older}:0`);
    // No list kept since `older`: apps holding it are told to refresh fully, as before.
    if (!first) continue;
    const rest = Array.from({ length: Math.ceil(first.total / CHANGES_CHUNK_SIZE) - 1 }, (_, i) => `c:${older}:${i + 1}`);
    const chunks = await previous.read<ChangeChunk>(rest);
    const merged = new Map<string, ChangeKind>();
    for (const [type, slug, kind] of [...first.items, ...rest.flatMap((k) => chunks.get(k)?.items ?? [])]) merged.set(`${type}:${slug}`, kind);
    for (const [type, slug, kind] of changes) merged.set(`${type}:${slug}`, kind);
    lists.set(older, sortChanges([...merged].map(([id, kind]) => [id.slice(0, id.indexOf(':')) as NodeType, id.slice(id.indexOf(':') + 1), kind])));
  }
  const out = new Map<string, ChangeChunk>();
  for (const [since, list] of lists) chunkChanges(list, CHANGES_CHUNK_SIZE).forEach((chunk, i) => out.set(`c:${since}:${i}`, chunk));
  return out;
}

/** Sorted by id (`Type:slug`), as diffManifests sorts them. */
function sortChanges(changes: ChangeTuple[]): ChangeTuple[] {
  const id = (c: ChangeTuple) => `${c[0]}:${c[1]}`;
  return [...changes].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}
