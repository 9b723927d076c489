/** One KV pair as the build step writes it; `wrangler kv bulk put` takes these (value as text). */
export interface KvEntry {
  key: string;
  value: unknown;
  /**
   * The value as stored, when the build already holds it as JSON text (an article read back
   * from its spill, article-spill.ts): the content hash and the output take it as it is
   * instead of parsing and serializing it again, the largest share of their work at a million
   * articles. Always JSON.stringify(value).
   */
  json?: string;
}

/** An entry whose value is JSON text: `value` parses it only when a reader asks for the object. */
export function textEntry(key: string, json: string): KvEntry {
  return {
    key,
    json,
    get value() {
      return JSON.parse(json) as unknown;
    },
  };
}

/** The value as KV stores it. */
export const storedText = (e: KvEntry): string => e.json ?? JSON.stringify(e.value);
