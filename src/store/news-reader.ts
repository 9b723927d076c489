import type { ArticleDoc, EntityDoc, ListChunk, ListHead, VersionPointer } from '../model/documents';
import { articleKey, entityKey, listChunkKey, listHeadKey } from '../model/keys';
import type { KvStore } from './kv-store';

/**
 * Typed reads of the news graph at the request's data version. One per request, in the
 * GraphQL context: the edge cache, the response memo and every resolver take the data version
 * from it, and the store reads the pointer once per request, so no request mixes two.
 * Every read goes through the store's batching: reads of sibling resolvers share a round trip.
 */
export class NewsReader {
  constructor(private readonly store: KvStore) {}

  /** The data version this request reads; rejects (NoDataVersion) when none is readable. */
  dataVersion(): Promise<VersionPointer> {
    return this.store.pointer();
  }

  /** Values of the keys `keysOf` names under the request's version, asked for at once. */
  async readKeys<T>(keysOf: (version: string) => string[]): Promise<Array<T | null>> {
    const { version } = await this.dataVersion();
    return Promise.all(keysOf(version).map((key) => this.store.get<T>(key)));
  }

  private async read<T>(keyOf: (version: string) => string): Promise<T | null> {
    const { version } = await this.dataVersion();
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
