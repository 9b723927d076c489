/**
 * Why a kept answer was not served (bench only): for a request about to be sent, whether the
 * warm isolate's response memo (POST) or the edge cache (GET) holds an entry for it, and if it
 * does, whether it still holds at the current pointer and which logical keys written since
 * broke it (read from the generation manifests of the versions in between). Looks without
 * touching: the memo's recency order and the cache stay as they were.
 */
import { decodeReads, type AnswerReads } from '../../src/model/answer-reads';
import type { VersionPointer } from '../../src/model/documents';
import { attachLevelOne, chainIndex, keyHash } from '../../src/model/generations';
import { readLevelOneKey } from '../../src/store/read-pointer';
import { generationKey, POINTER_KEY } from '../../src/model/keys';
import { edgeCacheKey } from '../../src/http/edge-cache';
import { READS_HEADER, VERSION_HEADER } from '../../src/http/kept-reads';
import { memoKey } from '../../src/http/response-memo';
import { requestFacts } from '../../src/http/request-facts';
import type { IsolateState } from '../../src/store/isolate-state';

export interface KeptProbe {
  state: 'absent' | 'holds' | 'pinned' | 'changed' | 'unknown';
  /** For `changed`: the logical keys it read that were written since (as far as manifests tell). */
  changed?: string[];
}

export async function keptProbe(request: Request, env: Env, isolate: IsolateState | undefined): Promise<KeptProbe> {
  const stored = JSON.parse((await env.NEWS.get(POINTER_KEY, 'text')) ?? 'null') as VersionPointer | null;
  if (!stored) return { state: 'unknown' };
  // The isolate's own object of that version: the chain it decoded, with level 1 and the lineage it followed.
  const pointer = isolate?.pointer?.value.version === stored.version ? isolate.pointer.value : stored;
  // A version the isolate has not read yet: its level 1, read as the worker will read it.
  if (pointer === stored && stored.level1) {
    const level = await readLevelOneKey(env.NEWS, stored.level1.version);
    if (!level) return { state: 'unknown' };
    attachLevelOne(stored, level);
  }
  const facts = requestFacts(request);
  let reads: AnswerReads | null;
  if (request.method === 'POST') {
    const body = await request.text();
    const key = memoKey('POST', facts.mediaType ?? '', request.headers.get('content-type') ?? '', facts.url, body, facts.languages);
    const kept = isolate?.responses.peek(key);
    if (!kept) return { state: 'absent' };
    reads = kept.reads;
  } else {
    const key = edgeCacheKey(request, false, facts);
    const hit = key && (await (caches as unknown as { default: Cache }).default.match(key));
    if (!hit) return { state: 'absent' };
    reads = decodeReads(hit.headers.get(READS_HEADER), hit.headers.get(VERSION_HEADER));
    await hit.body?.cancel();
    if (!reads) return { state: 'unknown' };
  }
  if (reads.version === pointer.version) return { state: 'holds' };
  if (reads.pinned) return { state: 'pinned' };
  const written = chainIndex(pointer).writtenSince(reads.version);
  if (written === null) return { state: 'changed', changed: ['(no lineage)'] };
  const read = new Set(reads.keys);
  const hit = new Set(written.flatMap((set) => [...set].filter((h) => read.has(h))));
  if (hit.size === 0) return { state: reads.search !== undefined ? 'changed' : 'holds', ...(reads.search !== undefined && { changed: ['(search layout)'] }) };
  // Name the hashes from the manifests of the versions written since.
  const versions = (pointer.chain ?? []).map((g) => g.version);
  const changed = new Set<string>();
  for (const v of versions) {
    if (v === reads.version) break;
    const manifest = JSON.parse((await env.NEWS.get(generationKey(v), 'text')) ?? '{"keys":[]}') as { keys: string[] };
    for (const logical of manifest.keys) if (hit.has(keyHash(logical))) changed.add(logical);
  }
  return { state: 'changed', changed: changed.size ? [...changed] : ['(compaction)'] };
}
