import { ReadLog, type AnswerReads } from '../model/answer-reads';
import type { VersionPointer } from '../model/documents';
import { NoDataVersion } from '../model/domain-errors';
import { chainIndex } from '../model/generations';
import { utf8Length } from '../text/utf8-length';
import { BatchLoader } from './batch-loader';
import { jsonCodec, type Codec } from './codecs';
import type { IsolateState } from './isolate-state';
import { DELETED, keepWave, NOT_FOUND } from './keep-wave';
import type { KvStats } from './kv-stats-header';
import { followLineage, readPointerKey, withLevelOne } from './read-pointer';
import { readWave } from './read-wave';

export type { KvStats } from './kv-stats-header';
export { IsolateState } from './isolate-state';

/**
 * The one module that reads Workers KV. Data keys are immutable under their data version, so
 * an isolate may keep what it read: a warm isolate answers a repeated request with no KV read.
 * Only the pointer key changes; it is read again at most once per `versionCheckMs`.
 *
 * A key asked for as `v:<current>:<logical>` is read at the physical key the pointer's chain
 * resolves it to (src/model/generations.ts), and kept by that physical key: after a delta
 * version's switch, every document it did not change is still warm.
 */

/** KV bulk get takes at most 100 keys (Cloudflare KV docs, "Get multiple keys"). */
export const KV_MAX_KEYS_PER_GET = 100;

/** How a read's value is used, for the answer's dependencies (src/model/answer-reads.ts). */
export interface ReadUse {
  /** Read ahead for a later read: not itself a dependency. */
  prefetch?: boolean;
  /** A list leaf of which only places [0, upTo) are used (src/model/list-ranges.ts), and of those items only `fields` (filled as they are read). */
  upTo?: number;
  fields?: ReadonlySet<string>;
}
/** KV keys are at most 512 bytes (Cloudflare KV limits); a longer one cannot exist. */
export const KV_MAX_KEY_BYTES = 512;

type Cached = unknown;

export class KvStore {
  private readonly loader: BatchLoader<Cached>;
  /**
   * What this request has read: a key the isolate cache evicts while the request runs is not
   * read from KV again, and every resolver of the request sees the same value.
   */
  private readonly used = new Map<string, unknown>();
  private readonly codecs = new Map<string, Codec<unknown>>();
  /** Every key the request asked for, for the answer caches (src/model/answer-reads.ts). */
  private readonly log = new ReadLog();
  private pointerRead?: Promise<VersionPointer>;
  /** The request's pointer once read: `get` needs it for every key, without one more await. */
  private pointerValue?: VersionPointer;
  private versionReads = 0;
  private keys = 0;
  private bytes = 0;
  private operations = 0;
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
   * The current data version, read once per request (NewsReader hands it to the edge cache,
   * the response memo and every resolver); rejects with NoDataVersion when none
   * is readable, which src/errors.ts answers with 503.
   */
  pointer(): Promise<VersionPointer> {
    const cached = this.isolate.pointer;
    const fresh = cached && this.now() - cached.checkedAt < this.versionCheckMs;
    // One read per request, never shared with other requests: workerd cancels a request that
    // waits on a promise only another request's I/O can settle ("The Workers runtime canceled
    // this request because it detected that your Worker's code had hung").
    this.pointerRead ??= (fresh ? Promise.resolve(cached.value) : this.readPointer()).then((p) => (this.pointerValue = p));
    return this.pointerRead;
  }

  private async readPointer(): Promise<VersionPointer> {
    this.versionReads += 1;
    const read = await readPointerKey(this.kv);
    // A version's pointer never changes: keep the object the isolate holds, and with it the
    // chain it decoded (generations.ts chainIndex), rather than decoding up to 12,288 hashes again.
    const kept = this.isolate.pointer?.value;
    let pointer = kept?.version === read.version ? kept : read;
    if (pointer === read && read.level1 && !(await withLevelOne(this.kv, this.isolate, read, () => (this.versionReads += 1)))) {
      // The index is not readable here yet: stay on the version this isolate had, if any.
      if (!kept) throw new NoDataVersion('The data version is not readable yet; retry later.');
      pointer = kept;
    } else if (pointer === read) followLineage(this.isolate, read, kept);
    this.isolate.pointer = { value: pointer, checkedAt: this.now() };
    return pointer;
  }

  /**
   * A value by key, or null when the version has no such key: a JSON document unless `codec`
   * says how else the value is kept (codecs.ts).
   */
  async get<T>(key: string, codec: Codec<T> = jsonCodec as Codec<T>, use: ReadUse = {}): Promise<T | null> {
    // Asking KV for an over-long key fails the whole bulk get, and with it every other key
    // of the batch: a 60 KB slug from a client must be "not found", not an outage.
    if (key.length > KV_MAX_KEY_BYTES / 3 && utf8Length(key) > KV_MAX_KEY_BYTES) return null;
    const pointer = this.pointerValue ?? (await this.pointer());
    // A prefetch is no dependency: whatever of it an answer uses is read again, and logged, by its resolver.
    if (!use.prefetch) this.log.key(key, pointer.version, use.upTo, use.fields);
    // A base version (no chain) reads every key as asked: the common case, kept cheap.
    if (!pointer.chain?.length && !pointer.level1) {
      const held = this.cached(key, codec);
      return this.settle<T>(held !== undefined ? held : await this.load(key, codec));
    }
    const candidates = chainIndex(pointer).candidates(key);
    for (let i = 0; i < candidates.length; i++) {
      const held = this.cached(candidates[i]!, codec);
      const value = held !== undefined ? held : await this.load(candidates[i]!, codec);
      // Absent where the membership hashes said present: a false match; ask the next generation.
      if (value === NOT_FOUND && i < candidates.length - 1) continue;
      return this.settle<T>(value);
    }
    return null;
  }

  /** The answer depends on the data version itself (it names it, or reads what only it holds). */
  pinVersion(): void {
    this.log.pin();
  }

  /** The answer read the search index, laid out as this pointer says. */
  searched(pointer: VersionPointer): void {
    this.log.searched(pointer);
  }

  /** What this request's answer read, at its data version; null when it read no version. */
  answerReads(): AnswerReads | null {
    return this.pointerValue ? this.log.done(this.pointerValue.version) : null;
  }

  private settle<T>(value: unknown): T | null {
    return value === NOT_FOUND || value === DELETED ? null : (value as T);
  }

  /** What this request or the isolate already holds for a physical key; undefined when neither does. */
  private cached<T>(key: string, codec: Codec<T>): unknown {
    let value = this.used.get(key);
    if (value === undefined) {
      const kept = this.isolate.documents.get(key);
      if (kept !== undefined) {
        value = kept === NOT_FOUND || kept === DELETED ? kept : codec.use(kept);
        this.used.set(key, value);
      }
    }
    if (value !== undefined) this.cacheHits += 1;
    return value;
  }

  private load<T>(key: string, codec: Codec<T>): Promise<unknown> {
    this.codecs.set(key, codec);
    return this.loader.load(key);
  }

  /** The data version this request read, or null before (or without) a pointer read. */
  versionRead(): string | null {
    return this.pointerValue?.version ?? null;
  }

  stats(): KvStats {
    return {
      versionReads: this.versionReads,
      roundTrips: this.loader.waves,
      operations: this.operations,
      keys: this.keys,
      bytes: this.bytes,
      cacheHits: this.cacheHits,
    };
  }

  private async fetch(keys: string[]): Promise<Map<string, Cached | Error>> {
    this.keys += keys.length;
    const codecOf = (key: string) => this.codecs.get(key) ?? jsonCodec;
    const textKeys = keys.filter((k) => codecOf(k).read === 'text');
    const byteKeys = keys.filter((k) => codecOf(k).read === 'bytes');
    this.operations += (textKeys.length > 0 ? 1 : 0) + byteKeys.length;
    const stored = await readWave(this.kv, textKeys, byteKeys);
    const kept = keepWave(keys, stored, codecOf, this.isolate, this.used);
    this.bytes += kept.bytes;
    return kept.values as Map<string, Cached | Error>;
  }
}
