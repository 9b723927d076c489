/**
 * A test-only wrapper around the real KV binding (Miniflare's local KV) that injects the
 * faults a production store can show: a read that throws, a slow read, a value that is not
 * valid JSON any more. Writes and everything else go to the real binding untouched.
 */
export interface Faults {
  /** A bulk or single get that asks for a matching key throws, as a KV outage does. */
  fail?: (key: string) => boolean;
  /** A matching key's value comes back cut in half (corrupt JSON). */
  corrupt?: (key: string) => boolean;
  /** As `corrupt`, chosen by the stored text too (a search document holding one article's slug). */
  corruptWhere?: (key: string, text: string) => boolean;
  /** A matching key's value is replaced by this text (valid JSON of the wrong shape, say). */
  replace?: (key: string) => string | undefined;
  /** Every get waits this long first. */
  delayMs?: number;
}

export interface FaultyKv {
  kv: KVNamespace;
  /** Keys asked for, in order, one entry per get call. */
  calls: string[][];
}

export function faulty(real: KVNamespace, faults: Faults): FaultyKv {
  const calls: string[][] = [];
  const get = async (key: string | string[], type?: unknown): Promise<unknown> => {
    const keys = Array.isArray(key) ? key : [key];
    calls.push(keys);
    if (faults.delayMs) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    if (faults.fail && keys.some(faults.fail)) throw new Error(`KV GET failed (injected) for ${keys.length} key(s)`);
    const spoil = (k: string, text: string | null) => {
      if (text === null) return null;
      if (faults.corrupt?.(k) || faults.corruptWhere?.(k, text)) return text.slice(0, text.length >> 1);
      return faults.replace?.(k) ?? text;
    };
    if (Array.isArray(key)) {
      const values = (await real.get(key, 'text')) as Map<string, string | null>;
      return new Map([...values].map(([k, v]) => [k, spoil(k, v)]));
    }
    if (type === 'arrayBuffer') {
      // Posting shards are read as bytes (src/store/codecs.ts): spoil their text the same way.
      const text = spoil(key, await real.get(key, 'text'));
      return text === null ? null : new TextEncoder().encode(text).buffer;
    }
    if (type !== 'text' && type !== undefined) throw new Error('faulty(): only text and arrayBuffer reads are wrapped');
    return spoil(key, await real.get(key, 'text'));
  };
  const kv = new Proxy(real, {
    get: (target, prop) => (prop === 'get' ? get : Reflect.get(target, prop, target)),
  });
  return { kv, calls };
}
