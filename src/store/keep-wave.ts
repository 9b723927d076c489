import { chainIndex, splitKey } from '../model/generations';
import type { VersionPointer } from '../model/documents';
import { DataUnavailable } from '../model/domain-errors';
import { documentKind } from '../model/keys';
import { utf8Length } from '../text/utf8-length';
import type { Codec } from './codecs';
import type { IsolateState } from './isolate-state';

/** An absent key: the version has no such document. */
export const NOT_FOUND = Symbol('not found');
/** A delta generation's tombstone (src/model/generations.ts): deleted; no older generation is asked. */
export const DELETED = Symbol('deleted');

/** What one wave gave the request: each key's usable value (or why not), and the bytes read. */
export interface KeptWave {
  values: Map<string, unknown>;
  bytes: number;
}

/**
 * Decodes one wave of KV reads (src/store/read-wave.ts) with each key's codec, hands the
 * request its usable values (`used`) and keeps them in the isolate. A key of a version the
 * pointer names was complete before the switch, so its absence is kept too; one of any other
 * version (a client's made-up `since`) may be written later, so its absence is not.
 * A value that does not decode becomes DataUnavailable and is not kept: a later request reads
 * it again. Its message reaches clients, so it names the kind of document, never the key.
 */
export function keepWave(
  keys: string[],
  stored: Map<string, string | Uint8Array | null>,
  codecOf: (key: string) => Codec<unknown>,
  isolate: IsolateState,
  used: Map<string, unknown>,
): KeptWave {
  const values = new Map<string, unknown>();
  const pointer: VersionPointer | undefined = isolate.pointer?.value;
  const versions = pointer && chainIndex(pointer).versions;
  let bytes = 0;
  for (const key of keys) {
    const value = stored.get(key) ?? null;
    if (value === null || value.length === 0) {
      const none = value === null ? NOT_FOUND : DELETED;
      values.set(key, none);
      used.set(key, none);
      if (versions?.has(splitKey(key)?.version ?? '')) isolate.documents.set(key, none, 0);
      continue;
    }
    bytes += typeof value === 'string' ? utf8Length(value) : value.byteLength;
    const codec = codecOf(key);
    let kept: { kept: unknown; bytes: number };
    let usable: unknown;
    try {
      kept = codec.keep(value);
      usable = codec.use(kept.kept);
    } catch {
      values.set(key, new DataUnavailable(`A stored ${documentKind(splitKey(key)?.logical ?? '')} document is not valid ${codec.format}; try again later.`));
      continue;
    }
    values.set(key, usable);
    used.set(key, usable);
    isolate.documents.set(key, kept.kept, kept.bytes);
  }
  return { values, bytes };
}
