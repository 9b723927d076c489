import { DataUnavailable } from '../model/domain-errors';

/**
 * One wave of KV reads (src/store/batch-loader.ts): the bulk text read of up to 100 keys and
 * the byte reads (posting shards, src/store/codecs.ts) go out together, so the wave costs one
 * round trip however its keys are kept. A failed read fails the wave with DataUnavailable,
 * which the API answers as DATA_UNAVAILABLE (src/errors.ts), never a stack trace.
 *
 * Empty values come back as they are: an empty value is a delta generation's tombstone
 * (src/model/generations.ts), which the store tells from an absent key.
 */
export async function readWave(kv: KVNamespace, textKeys: string[], byteKeys: string[]): Promise<Map<string, string | Uint8Array | null>> {
  try {
    const [texts, buffers] = await Promise.all([
      textKeys.length > 0 ? kv.get(textKeys, 'text') : new Map<string, string | null>(),
      Promise.all(byteKeys.map((k) => kv.get(k, 'arrayBuffer'))),
    ]);
    const stored = new Map<string, string | Uint8Array | null>(texts);
    byteKeys.forEach((k, i) => stored.set(k, buffers[i] ? new Uint8Array(buffers[i]) : null));
    return stored;
  } catch {
    throw new DataUnavailable('Reading the data store failed; try again.');
  }
}
