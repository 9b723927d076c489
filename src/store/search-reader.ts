import type { DataUnavailable } from '../model/domain-errors';
import type { ArticleDoc, SearchPointer } from '../model/documents';
import { searchArticleKey, searchDatesKey, searchMovedKey, searchShardKey, suggestCountsKey, suggestKey } from '../model/keys';
import type { MovedDocs, SearchDates, SuggestBucket, SuggestCounts } from '../search/index-format';
import { searchLayout } from '../search/index-format';
import { movedMap } from '../search/merge-parts';
import { termPostings } from '../search/term-postings';
import { searchParts, termShards } from '../search/search-parts';
import { withCounts } from '../search/suggest-counts';
import { prefixBuckets, type PrefixWord } from '../search/suggest-match';
import type { DenseList } from '../search/dense-list';
import type { DecodedShard } from '../search/posting-codec';
import type { Postings } from '../search/rank';
import type { SearchIndexReads } from '../search/run-search';
import { postingShardCodec } from './codecs';
import type { NewsReader } from './news-reader';

/**
 * Typed reads of the search index at the request's data version, for src/search/. Each
 * method asks for all its keys before awaiting any, so the store's batching sends them as one
 * bulk read: a search is the pointer, then `postings`, then `articles` (two round trips).
 */
export class SearchReader implements SearchIndexReads {
  constructor(private readonly reader: NewsReader) {}

  private async layout(): Promise<SearchPointer> {
    return searchLayout(await this.reader.searchPointer());
  }

  async documents(): Promise<{ numbers: number; live: number }> {
    const pointer = await this.reader.searchPointer();
    return { numbers: searchLayout(pointer).docs, live: pointer.articleCount };
  }

  /**
   * The postings of `terms` (each shard they fall in, in every part) and, when asked, the date
   * runs: one round trip. Lists are views into the shards the isolate cache keeps decoded
   * (src/search/posting-codec.ts), merged only when a term has postings in several parts.
   */
  async postings(terms: string[], withDates: boolean): Promise<{ postings: Map<string, Postings | DenseList>; dates: SearchDates | null }> {
    const layout = await this.layout();
    const shardsOfTerm = new Map(terms.map((t) => [t, termShards(t, searchParts(layout))]));
    const reads = [...new Map([...shardsOfTerm.values()].flat().map((r) => [`${r.shard}:${r.part}`, r])).values()];
    // One wave: the parts (read as bytes), the moved documents and the date runs together.
    const [decoded, moved, dates] = await Promise.all([
      this.reader.readKeys((v) => reads.map((r) => searchShardKey(v, r.shard, r.part)), postingShardCodec),
      layout.moved > 0 ? this.reader.readKeys<MovedDocs>((v) => [searchMovedKey(v)]).then(([m]) => movedMap(m)) : new Map<number, number>(),
      withDates ? this.reader.readKeys<SearchDates>((v) => [searchDatesKey(v)]).then(([d]) => d ?? []) : null,
    ]);
    const byKey = new Map<string, DecodedShard | null | undefined>(reads.map((r, i) => [`${r.shard}:${r.part}`, decoded[i]]));
    const postings = new Map<string, Postings | DenseList>();
    for (const [term, shards] of shardsOfTerm) {
      const list = termPostings(term, shards.map(({ part, shard }) => ({ part, shard: byKey.get(`${shard}:${part}`) })), moved, layout.docs);
      if (list) postings.set(term, list);
    }
    return { postings, dates };
  }

  /** The articles of a page by document number: one round trip; an unreadable one is its own failure. */
  articles(docs: number[]): Promise<Array<ArticleDoc | DataUnavailable | null>> {
    return this.reader.readEach<ArticleDoc>((v) => docs.map((d) => searchArticleKey(v, d)));
  }

  /** The buckets on the paths of the prefix's words, with the count table a publish keeps apart laid over them (same round trip). */
  async suggestBuckets(words: PrefixWord[]): Promise<{ buckets: Map<string, SuggestBucket>; depth: number | undefined }> {
    const layout = await this.layout();
    const buckets = prefixBuckets(words, layout.suggest);
    const [values, counts] = await Promise.all([
      this.reader.readKeys<SuggestBucket>((v) => buckets.map((b) => suggestKey(v, b))),
      layout.counts ? this.reader.readKeys<SuggestCounts>((v) => [suggestCountsKey(v)]).then(([c]) => c) : undefined,
    ]);
    // An absent bucket stays absent: the deepest bucket found on a word's path is the one that counts.
    return { buckets: new Map(buckets.flatMap((b, i) => (values[i] ? [[b, withCounts(values[i], counts)] as const] : []))), depth: layout.suggest };
  }
}
