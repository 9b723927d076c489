import type { ArticleCard, ArticleDoc, EntityDoc, ListChunk, ListHead, VersionPointer } from '../model/documents';
import { articleKey, changesKey, entityKey, listChunkKey, listHeadKey, relatedKey } from '../model/keys';
import type { ChangeChunk } from '../model/changes';
import type { KvStore } from './kv-store';

/**
 * Typed reads of the news graph at the current data version. Every read goes through the
 * store's batching, so reads issued by sibling resolvers share a round trip.
 */
export class NewsReader {
  constructor(readonly store: KvStore) {}

  /** The request's data version: the store reads it once per request, so no request mixes two. */
  pointer(): Promise<VersionPointer> {
    return this.store.pointer();
  }

  private async read<T>(keyOf: (version: string) => string): Promise<T | null> {
    const { version } = await this.pointer();
    return this.store.get<T>(keyOf(version));
  }

  article(slug: string): Promise<ArticleDoc | null> {
    return this.read((v) => articleKey(v, slug));
  }

  entity(slug: string): Promise<EntityDoc | null> {
    return this.read((v) => entityKey(v, slug));
  }

  /** The article's related stories, best first; null when it has none. */
  related(slug: string): Promise<ArticleCard[] | null> {
    return this.read((v) => relatedKey(v, slug));
  }

  /** A chunk of the changes from `since` to version `to` (stored under `to`); null when not kept. */
  async changes(to: string, since: string, chunk: number): Promise<ChangeChunk | null> {
    await this.pointer();
    return this.store.get<ChangeChunk>(changesKey(to, since, chunk));
  }

  listHead(list: string): Promise<ListHead | null> {
    return this.read((v) => listHeadKey(v, list));
  }

  listChunk(list: string, chunk: number): Promise<ListChunk | null> {
    return this.read((v) => listChunkKey(v, list, chunk));
  }
}
