import type { VersionPointer } from '../model/documents';
import { POINTER_KEY } from '../model/keys';
import { DataUnavailable, NoDataVersion } from '../model/domain-errors';
import { utf8Length } from '../text/utf8-length';
import { BatchLoader } from './batch-loader';
import type { KvStats } from './kv-stats-header';
import { LruCache } from './lru-cache';

export type { KvStats } from './kv-stats-header';

/**
 * The one module that reads Workers KV. Data keys are immutable under their data version, so
 * an isolate may keep what it read for as long as the version is current: a warm isolate
 * answers a repeated request with no KV read. Only the pointer key changes; it is read again
 * at most once per `versionCheckMs`.
 */

/** KV bulk get takes at most 100 keys (Cloudflare KV docs, "Get multiple keys"). */
export const KV_MAX_KEYS_PER_GET = 100;
/** KV keys are at most 512 bytes (Cloudflare KV limits); a longer one cannot exist. */
export const KV_MAX_KEY_BYTES = 512;
const ISOLATE_CACHE_BYTES = 32 * 1024 * 1024;
const NOT_FOUND = Symbol('not found');

type Cached = unknown;

/** What outlives a request: one per isolate. */
export class IsolateState {
  pointer?: { value: VersionPointer; checkedAt: number };
  readonly documents = new LruCache<Cached>(ISOLATE_CACHE_BYTES);
}

export class KvStore {
  private readonly loader: BatchLoader<Cached>;
  private pointerRead?: Promise<VersionPointer>;
  private versionReads = 0;
  private keys = 0;
  private bytes = 0;
  private cacheHits = 0;

  constructor(
    private readonly kv: KVNamespace,
    private readonly isolate: IsolateState,
    private readonly versionCheckMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.loader = new BatchLoader((keys) => this.fetch(keys), KV_MAX_KEYS_PER_GET);
  }

  /**
   * The current data version, read once per request (NewsReader.dataVersion hands it to the
   * edge cache, the response memo and every resolver); rejects with NoDataVersion when none
   * is readable, which src/errors.ts answers with 503.
   */
  pointer(): Promise<VersionPointer> {
    const cached = this.isolate.pointer;
    const fresh = cached && this.now() - cached.checkedAt < this.versionCheckMs;
    // One read per request, never shared with other requests: workerd cancels a request that
    // waits on a promise only another request's I/O can settle ("The Workers runtime canceled
    // this request because it detected that your Worker's code had hung").
    this.pointerRead ??= fresh ? Promise.resolve(cached.value) : this.readPointer();
    return this.pointerRead;
  }

  private async readPointer(): Promise<VersionPointer> {
    this.versionReads += 1;
    let text: string | null;
    try {
      text = await this.kv.get(POINTER_KEY, 'text');
    } catch {
      throw new NoDataVersion('Reading the data-version pointer failed; retry later.');
    }
    if (text === null) throw new NoDataVersion('No data version has been published yet; retry later.');
    const value = parseJson(POINTER_KEY, text);
    if (value instanceof Error || typeof (value as VersionPointer)?.version !== 'string') {
      throw new NoDataVersion('The data-version pointer is unreadable; retry later.');
    }
    const pointer = value as VersionPointer;
    if (this.isolate.pointer?.value.version !== pointer.version) this.isolate.documents.clear();
    this.isolate.pointer = { value: pointer, checkedAt: this.now() };
    return pointer;
  }

  /** A document by key, or null when the version has no such key. */
  async get<T>(key: string): Promise<T | null> {
    // Asking KV for an over-long key fails the whole bulk get, and with it every other key
    // of the batch: a 60 KB slug from a client must be "not found", not an outage.
    if (key.length > KV_MAX_KEY_BYTES / 3 && utf8Length(key) > KV_MAX_KEY_BYTES) return null;
    const cached = this.isolate.documents.get(key);
    if (cached !== undefined) {
      this.cacheHits += 1;
      return cached === NOT_FOUND ? null : (cached as T);
    }
    const value = await this.loader.load(key);
    return value === NOT_FOUND ? null : (value as T);
  }

  stats(): KvStats {
    return {
      versionReads: this.versionReads,
      roundTrips: this.loader.waves,
      operations: this.loader.operations,
      keys: this.keys,
      bytes: this.bytes,
      cacheHits: this.cacheHits,
    };
  }

  private async fetch(keys: string[]): Promise<Map<string, Cached | Error>> {
    this.keys += keys.length;
    let texts: Map<string, string | null>;
    try {
      texts = await this.kv.get(keys, 'text');
    } catch {
      throw new DataUnavailable('Reading the data store failed; try again.');
    }
    const values = new Map<string, Cached | Error>();
    for (const key of keys) {
      const text = texts.get(key) ?? null;
      if (text === null) {
        values.set(key, NOT_FOUND);
        this.isolate.documents.set(key, NOT_FOUND, key.length);
        continue;
      }
      this.bytes += utf8Length(text);
      const value = parseJson(key, text);
      values.set(key, value);
      if (!(value instanceof Error)) this.isolate.documents.set(key, value, text.length * 2);
    }
    return values;
  }
}

function parseJson(key: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return new DataUnavailable(`Stored value ${key} is not valid JSON.`);
  }
}

