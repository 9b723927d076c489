import { searchDatesKey, searchDocsKey, searchShardCount, searchShardKey, suggestKey, SEARCH_DOCS_CHUNK } from '../model/keys';
import type { SearchDates, SuggestBucket } from '../search/index-format';
import { shardOf } from '../search/index-format';
import type { DecodedShard } from '../search/posting-codec';
import type { SearchIndexReads } from '../search/run-search';
import { postingShardCodec } from './codecs';
import type { NewsReader } from './news-reader';

/**
 * Typed reads of the search index at the request's data version, for src/search/. Each
 * method asks for all its keys before awaiting any, so the store's batching sends them as one
 * bulk read.
 */
export class SearchReader implements SearchIndexReads {
  constructor(private readonly reader: NewsReader) {}

  async documents(): Promise<number> {
    return (await this.reader.dataVersion()).articleCount;
  }

  /**
   * The postings of `terms` (every shard they fall in) and, when asked, the date table: one
   * round trip. A term in no shard has no postings. Lists are views into the shards the
   * isolate cache keeps decoded (src/search/posting-codec.ts): no copy per query.
   */
  async postings(terms: string[], withDates: boolean): Promise<{ postings: Map<string, Int32Array>; dates: SearchDates | null }> {
    const count = searchShardCount(await this.documents());
    const shardOfTerm = new Map(terms.map((t) => [t, shardOf(t, count)]));
    const shards = [...new Set(shardOfTerm.values())];
    // One wave: the shards (read as bytes) and the date table are asked for together.
    const [decoded, dates] = await Promise.all([
      this.reader.readKeys((v) => shards.map((s) => searchShardKey(v, s)), postingShardCodec),
      withDates ? this.reader.readKeys<SearchDates>((v) => [searchDatesKey(v)]).then(([d]) => d ?? []) : null,
    ]);
    const byShard = new Map<number, DecodedShard | null | undefined>(shards.map((s, i) => [s, decoded[i]]));
    const postings = new Map<string, Int32Array>();
    for (const [term, shard] of shardOfTerm) {
      const list = byShard.get(shard)?.list(term);
      if (list) postings.set(term, list);
    }
    return { postings, dates };
  }

  /** Article slugs by document number. */
  async slugs(docs: number[]): Promise<string[]> {
    const chunks = [...new Set(docs.map((d) => Math.floor(d / SEARCH_DOCS_CHUNK)))];
    const values = await this.reader.readKeys<string[]>((v) => chunks.map((c) => searchDocsKey(v, c)));
    const byChunk = new Map(chunks.map((c, i) => [c, values[i] ?? []]));
    return docs.map((d) => byChunk.get(Math.floor(d / SEARCH_DOCS_CHUNK))?.[d % SEARCH_DOCS_CHUNK] ?? '');
  }

  async suggestBuckets(buckets: string[]): Promise<Map<string, SuggestBucket>> {
    const values = await this.reader.readKeys<SuggestBucket>((v) => buckets.map((b) => suggestKey(v, b)));
    return new Map(buckets.map((b, i) => [b, values[i] ?? []]));
  }
}
