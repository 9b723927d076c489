import { env } from 'cloudflare:workers';
import { buildDelta, type Delta } from '../../tools/delta/incremental';
import { fromKvNamespace } from '../../tools/publish/kv-writer';
import { previousFromKv } from '../../tools/delta/previous-version';
import { publishDelta, type DeltaOptions, type DeltaResult } from '../../tools/delta/publish-delta';
import type { TextSourceFile } from '../../tools/data/read-data-set';

const sha256 = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

/**
 * The incremental build (tools/delta/incremental.ts) against this test file's local KV, then
 * the delta publish (tools/delta/publish-delta.ts): what `npm run ingest -- --publish` does
 * when a version is already published.
 */
export async function publishIncrementally(
  files: TextSourceFile[],
  withdrawn: string[],
  builtAt: string,
  options: DeltaOptions = {},
): Promise<{ delta: Delta; published: DeltaResult }> {
  const kv = fromKvNamespace(env.NEWS);
  const previous = await previousFromKv(kv);
  if (!previous) throw new Error('nothing published to build a delta on');
  const result = await buildDelta(previous, files, withdrawn, { builtAt, hash: sha256 });
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return { delta: result.data, published: await publishDelta(kv, result.data, () => {}, options) };
}
