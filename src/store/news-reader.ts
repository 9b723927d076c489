import type { ArticleDoc, EntityDoc, ListChunk, ListHead, VersionPointer } from '../model/documents';
import { articleKey, entityKey, listChunkKey, listHeadKey } from '../model/keys';
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

  /** Several entities at once (one batched read); a slug with no document is left out. */
  async entities(slugs: readonly string[]): Promise<Map<string, EntityDoc>> {
    const docs = await Promise.all(slugs.map((slug) => this.entity(slug)));
    return new Map(docs.flatMap((doc) => (doc ? [[doc.slug, doc] as const] : [])));
  }

  listHead(list: string): Promise<ListHead | null> {
    return this.read((v) => listHeadKey(v, list));
  }

  listChunk(list: string, chunk: number): Promise<ListChunk | null> {
    return this.read((v) => listChunkKey(v, list, chunk));
  }
}
