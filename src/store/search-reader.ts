import { searchDatesKey, searchDocsKey, searchShardCount, searchShardKey, suggestKey, SEARCH_DOCS_CHUNK } from '../model/keys';
import type { SearchDates, SuggestBucket } from '../search/index-format';
import { shardOf } from '../search/index-format';
import type { DecodedShard } from '../search/posting-codec';
import { postingShardCodec } from './codecs';
import type { NewsReader } from './news-reader';

/**
 * Typed reads of the search index at the request's data version. Each method asks for all
 * its keys before awaiting any, so the store's batching sends them as one bulk read.
 */
export class SearchReader {
  constructor(private readonly reader: NewsReader) {}

  private async keys<T>(keys: (version: string) => string[]): Promise<Array<T | null>> {
    const { version } = await this.reader.pointer();
    return Promise.all(keys(version).map((key) => this.reader.store.get<T>(key)));
  }

  /**
   * The postings of `terms` (every shard they fall in) and, when asked, the date table: one
   * round trip. A term in no shard has no postings. Lists are views into the shards the
   * isolate cache keeps decoded (src/search/posting-codec.ts): no copy per query.
   */
  async postings(terms: string[], withDates: boolean): Promise<{ postings: Map<string, Int32Array>; dates: SearchDates | null }> {
    const { version, articleCount } = await this.reader.pointer();
    const count = searchShardCount(articleCount);
    const shardOfTerm = new Map(terms.map((t) => [t, shardOf(t, count)]));
    const shards = [...new Set(shardOfTerm.values())];
    const store = this.reader.store;
    const [decoded, dates] = await Promise.all([
      Promise.all(shards.map((s) => store.get<DecodedShard>(searchShardKey(version, s), postingShardCodec))),
      withDates ? store.get<SearchDates>(searchDatesKey(version)) : null,
    ]);
    const byShard = new Map(shards.map((s, i) => [s, decoded[i]]));
    const postings = new Map<string, Int32Array>();
    for (const [term, shard] of shardOfTerm) {
      const list = byShard.get(shard)?.list(term);
      if (list) postings.set(term, list);
    }
    return { postings, dates: withDates ? (dates ?? []) : null };
  }

  /** Article slugs by document number. */
  async slugs(docs: number[]): Promise<string[]> {
    const chunks = [...new Set(docs.map((d) => Math.floor(d / SEARCH_DOCS_CHUNK)))];
    const values = await this.keys<string[]>((v) => chunks.map((c) => searchDocsKey(v, c)));
    const byChunk = new Map(chunks.map((c, i) => [c, values[i] ?? []]));
    return docs.map((d) => byChunk.get(Math.floor(d / SEARCH_DOCS_CHUNK))?.[d % SEARCH_DOCS_CHUNK] ?? '');
  }

  async suggestBuckets(buckets: string[]): Promise<Map<string, SuggestBucket>> {
    const values = await this.keys<SuggestBucket>((v) => buckets.map((b) => suggestKey(v, b)));
    return new Map(buckets.map((b, i) => [b, values[i] ?? []]));
  }
}
