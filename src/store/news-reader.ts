import type { AnswerReads } from '../model/answer-reads';
import type { ArticleCard, ArticleDoc, EntityDoc, ListChunk, ListHead, ListIndex, VersionPointer } from '../model/documents';
import { articleKey, articleUrlKey, authorRecordKey, curatedKey, syncBlockKey, syncMovesKey, syncSeqKey, topicListingKey, entityKey, listChunkKey, listHeadKey, listIndexKey, relatedKey } from '../model/keys';
import type { ChangeTuple } from '../model/changes';
import { composeBlocks, coverBlocks, SYNC_MAX_COVER, withMoves, type BlockRef, type SyncBlock, type SyncSeq } from '../model/sync-log';
import type { ListMove } from '../model/list-moves';
import type { TopicKind, TopicListing } from '../model/topic-listing';
import type { AuthorRecord } from '../model/author-record';
import type { CuratedDoc } from '../model/curated';
import type { Codec } from './codecs';
import { DataUnavailable } from '../model/domain-errors';
import type { KvStore, ReadUse } from './kv-store';

/**
 * Typed reads of the news graph at the request's data version. One per request, in the
 * GraphQL context: the edge cache, the response memo and every resolver take the data version
 * from it, and the store reads the pointer once per request, so no request mixes two.
 * Every read goes through the store's batching: reads of sibling resolvers share a round trip.
 */
export class NewsReader {
  constructor(private readonly store: KvStore) {}

  /**
   * The data version this request reads, for an answer that shows it (dataVersion, changes):
   * such an answer holds at this version only (src/model/answer-reads.ts). Rejects
   * (NoDataVersion) when none is readable.
   */
  async dataVersion(): Promise<VersionPointer> {
    const pointer = await this.store.pointer();
    this.store.pinVersion();
    return pointer;
  }

  /** The request's pointer, for the front door's caches: reading it is no dependency of the answer. */
  pointer(): Promise<VersionPointer> {
    return this.store.pointer();
  }

  /** The pointer, for a search: the answer then depends on the index layout it names. */
  async searchPointer(): Promise<VersionPointer> {
    const pointer = await this.store.pointer();
    this.store.searched(pointer);
    return pointer;
  }

  /** What this request's answer read (src/model/answer-reads.ts); null before any read. */
  answerReads(): AnswerReads | null {
    return this.store.answerReads();
  }

  /**
   * Values of the keys `keysOf` names under the request's version, asked for at once: JSON
   * documents, or what `codec` makes of them (src/store/codecs.ts).
   */
  async readKeys<T>(keysOf: (version: string) => string[], codec?: Codec<T>): Promise<Array<T | null>> {
    const { version } = await this.store.pointer();
    return Promise.all(keysOf(version).map((key) => this.store.get<T>(key, codec)));
  }

  /**
   * As readKeys, but one key's failure (a corrupt value, DataUnavailable) is that key's answer,
   * not the others': for the items of a page, where one unreadable document nulls its item only.
   */
  async readEach<T>(keysOf: (version: string) => string[]): Promise<Array<T | null | DataUnavailable>> {
    const { version } = await this.store.pointer();
    return Promise.all(keysOf(version).map((key) => this.store.get<T>(key).catch(unavailable)));
  }

  private async read<T>(keyOf: (version: string) => string, use?: ReadUse): Promise<T | null> {
    const { version } = await this.store.pointer();
    return this.store.get<T>(keyOf(version), undefined, use);
  }

  article(slug: string): Promise<ArticleDoc | null> {
    return this.read((v) => articleKey(v, slug));
  }

  /** The article at `url`, a URL in normal form (src/model/article-url.ts); null when none. */
  articleByUrl(url: string): Promise<ArticleDoc | null> {
    return this.read((v) => articleUrlKey(v, url));
  }

  /** The sections or the most used subjects, with names and counts (src/model/topic-listing.ts). */
  topicListing(kind: TopicKind): Promise<TopicListing | null> {
    return this.read((v) => topicListingKey(v, kind));
  }

  /** An author by slug (src/model/author-record.ts); null when no article names one. */
  author(slug: string): Promise<AuthorRecord | null> {
    return this.read((v) => authorRecordKey(v, slug));
  }

  /** The lists of one curated file (src/model/curated.ts); null when there is no such file. */
  curated(name: string): Promise<CuratedDoc | null> {
    return this.read((v) => curatedKey(v, name));
  }

  entity(slug: string): Promise<EntityDoc | null> {
    return this.read((v) => entityKey(v, slug));
  }

  /** The article's related stories, best first; null when it has none. */
  related(slug: string): Promise<ArticleCard[] | null> {
    return this.read((v) => relatedKey(v, slug));
  }

  /** The versions' places in the sync log (src/model/sync-log.ts), read together; null for one not in it. */
  async syncPlaces(versions: string[]): Promise<Array<SyncSeq | null>> {
    await this.store.pointer();
    return Promise.all(versions.map((v) => this.store.get<SyncSeq>(syncSeqKey(v))));
  }

  /**
   * Blocks of the sync log, read in one bulk get; null for one no longer (or not yet) kept. With
   * `moves`, each block's list moves too (kept apart: src/model/sync-log.ts storedBlock), in the same get.
   */
  async syncBlocks(blocks: BlockRef[], moves = false): Promise<Array<SyncBlock | null>> {
    await this.store.pointer();
    const read = Promise.all(blocks.map((b) => this.store.get<SyncBlock>(syncBlockKey(b.level, b.start))));
    const apart = moves ? Promise.all(blocks.map((b) => this.store.get<ListMove[]>(syncMovesKey(b.level, b.start)))) : null;
    const [stored, movesOf] = await Promise.all([read, apart]);
    return stored.map((b, i) => (b === null ? null : movesOf ? withMoves(b, movesOf[i] ?? null) : b));
  }

  /**
   * What changed from version `since` to `to` (src/model/sync-log.ts): one round trip for where
   * both sit in the log, one for the blocks between, composed. Null when the log no longer
   * holds it (too old, a rollback rewrote it, or a step's changes are not known).
   */
  async changesBetween(since: string, to: string): Promise<ChangeTuple[] | null> {
    return (await this.syncBetween(since, to))?.changes ?? null;
  }

  /**
   * The log from `since` to `to` as one block: its node changes and, with `moves` and when every
   * step knew them, its list moves (src/model/list-moves.ts), in the same two round trips. Null as changesBetween.
   */
  async syncBetween(since: string, to: string, moves = false): Promise<SyncBlock | null> {
    if (since === to) return { from: since, to, at: 0, changes: [], moves: [] };
    const [from, until] = await this.syncPlaces([since, to]);
    if (!from || !until || from.seq > until.seq) return null;
    const cover = coverBlocks(from.seq, until.seq);
    if (cover.length > SYNC_MAX_COVER) return null;
    const blocks = await this.syncBlocks(cover, moves);
    const composed = blocks.every((b) => b !== null) ? composeBlocks(blocks) : null;
    // A block that does not chain from `since` to `to` belongs to a log rewritten after a rollback.
    return composed?.changes && composed.from === since && composed.to === to ? composed : null;
  }

  /** Several entities at once (one batched read); a slug with no document is left out. */
  async entities(slugs: readonly string[]): Promise<Map<string, EntityDoc>> {
    const docs = await Promise.all(slugs.map((slug) => this.entity(slug)));
    return new Map(docs.flatMap((doc) => (doc ? [[doc.slug, doc] as const] : [])));
  }

  listHead(list: string): Promise<ListHead | null> {
    return this.read((v) => listHeadKey(v, list));
  }

  /** One leaf of a list, by its stable id (src/model/list-layout.ts); `use`: a prefetch, or only its first places used. */
  listChunk(list: string, leaf: number, use?: ReadUse): Promise<ListChunk | null> {
    return this.read((v) => listChunkKey(v, list, leaf), use);
  }

  /** A long list's leaf entries; null for a list that keeps them in its head. */
  listIndex(list: string): Promise<ListIndex | null> {
    return this.read((v) => listIndexKey(v, list));
  }
}

/** A read's failure as a value; anything but DataUnavailable (a bug) is still thrown. */
function unavailable(error: unknown): DataUnavailable {
  if (error instanceof DataUnavailable) return error;
  throw error;
}
