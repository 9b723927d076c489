/**
 * What publishing needs of a KV namespace, and nothing more, so that the publishing logic
 * (publish.ts) runs against Miniflare's local KV in tests and `npm start`, and against
 * Cloudflare's KV through wrangler for a deploy.
 */
export interface KvPair {
  key: string;
  value: string;
}

export interface KvWriter {
  getMany(keys: string[]): Promise<Map<string, string | null>>;
  putMany(pairs: KvPair[]): Promise<void>;
  deleteMany(keys: string[]): Promise<void>;
  /** Every key that starts with `prefix`. */
  list(prefix: string): Promise<string[]>;
}

/** KV bulk get takes at most 100 keys (Cloudflare KV docs). */
const GET_BATCH = 100;
/** Writes in flight at once: KV allows 1,000 operations an invocation; stay well under. */
const WRITE_BATCH = 50;

/** The subset of a Workers KV binding that `fromKvNamespace` uses. */
export interface KvNamespaceLike {
  get(keys: string[], type: 'text'): Promise<Map<string, string | null>>;
  put(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  list(options: { prefix: string; cursor?: string }): Promise<{ keys: Array<{ name: string }>; list_complete: boolean; cursor?: string }>;
}

/** A writer over a KV binding: Miniflare's (wrangler's getPlatformProxy) or a worker's own. */
export function fromKvNamespace(kv: KvNamespaceLike): KvWriter {
  return {
    async getMany(keys) {
      const values = new Map<string, string | null>();
      for (let i = 0; i < keys.length; i += GET_BATCH) {
        for (const [key, value] of await kv.get(keys.slice(i, i + GET_BATCH), 'text')) values.set(key, value);
      }
      return values;
    },
    async putMany(pairs) {
      for (let i = 0; i < pairs.length; i += WRITE_BATCH) {
        await Promise.all(pairs.slice(i, i + WRITE_BATCH).map((p) => kv.put(p.key, p.value)));
      }
    },
    async deleteMany(keys) {
      for (let i = 0; i < keys.length; i += WRITE_BATCH) {
        await Promise.all(keys.slice(i, i + WRITE_BATCH).map((k) => kv.delete(k)));
      }
    },
    async list(prefix) {
      const names: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await kv.list({ prefix, cursor });
        names.push(...page.keys.map((k) => k.name));
        if (page.list_complete || !page.cursor) return names;
        cursor = page.cursor;
      }
    },
  };
}
