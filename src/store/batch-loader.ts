/**
 * Collects every key asked for while a GraphQL request resolves one level of its fields and
 * fetches them together: the DataLoader pattern (https://github.com/graphql/dataloader).
 * Keys wait until the current macrotask ends (`setTimeout 0`), so all sibling and cousin
 * fields that resolve in the same pass share one wave. A wave is one round trip: its keys are
 * split into groups of `maxBatch` fetched in parallel.
 *
 * Written here rather than taken from the `dataloader` package because the round-trip count
 * (waves, not batches) is what the KV budgets are stated in.
 */
export type BatchFetch<V> = (keys: string[]) => Promise<Map<string, V | Error>>;

export class BatchLoader<V> {
  private queue = new Map<string, Array<{ resolve: (v: V) => void; reject: (e: unknown) => void }>>();
  private scheduled = false;
  /** Waves dispatched so far: sequential round trips to the backend. */
  waves = 0;
  /** Calls of `fetch`: each is one backend operation. */
  operations = 0;

  constructor(
    private readonly fetch: BatchFetch<V>,
    private readonly maxBatch: number,
  ) {}

  load(key: string): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      const waiting = this.queue.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.queue.set(key, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setTimeout(() => this.dispatch(), 0);
      }
    });
  }

  private dispatch(): void {
    const wave = this.queue;
    this.queue = new Map();
    this.scheduled = false;
    this.waves += 1;
    const keys = [...wave.keys()];
    for (let i = 0; i < keys.length; i += this.maxBatch) {
      const group = keys.slice(i, i + this.maxBatch);
      this.operations += 1;
      this.fetch(group).then(
        (values) => {
          for (const key of group) {
            const value = values.get(key);
            for (const waiter of wave.get(key) ?? []) {
              if (value instanceof Error) waiter.reject(value);
              else waiter.resolve(value as V);
            }
          }
        },
        (error: unknown) => {
          for (const key of group) for (const waiter of wave.get(key) ?? []) waiter.reject(error);
        },
      );
    }
  }
}
