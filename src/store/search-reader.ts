import { searchDatesKey, searchDocsKey, searchShardCount, searchShardKey, suggestKey, SEARCH_DOCS_CHUNK } from '../model/keys';
import type { PostingShard, SearchDates, SuggestBucket } from '../search/index-format';
import { shardOf } from '../search/index-format';
import type { SearchIndexReads } from '../search/run-search';
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
   * round trip. A term in no shard has no postings.
   */
  async postings(terms: string[], withDates: boolean): Promise<{ postings: PostingShard; dates: SearchDates | null }> {
    const count = searchShardCount(await this.documents());
    const shards = [...new Set(terms.map((t) => shardOf(t, count)))];
    const values = await this.reader.readKeys<PostingShard | SearchDates>((v) => [
      ...shards.map((s) => searchShardKey(v, s)),
      ...(withDates ? [searchDatesKey(v)] : []),
    ]);
    const postings: PostingShard = {};
    shards.forEach((_, i) => {
      const shard = values[i] as PostingShard | null;
      for (const term of terms) if (shard && Object.hasOwn(shard, term)) postings[term] = shard[term]!;
    });
    return { postings, dates: withDates ? ((values.at(-1) as SearchDates | null) ?? []) : null };
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
