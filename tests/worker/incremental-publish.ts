import { env } from 'cloudflare:workers';
import { buildDelta, type Delta } from '../../tools/build/incremental';
import { fromKvNamespace } from '../../tools/build/kv-writer';
import { previousFromKv } from '../../tools/build/previous-version';
import { publishDelta, type DeltaOptions, type DeltaResult } from '../../tools/build/publish-delta';
import type { TextSourceFile } from '../../tools/build/read-data-set';

const sha256 = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

/**
 * The incremental build (tools/build/incremental.ts) against this test file's local KV, then
 * the delta publish (tools/build/publish-delta.ts): what `npm run ingest -- --publish` does
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
