/** One KV pair as the build step writes it; `wrangler kv bulk put` takes these (value as text). */
export interface KvEntry {
  key: string;
  value: unknown;
}
