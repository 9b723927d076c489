import { searchShardCount, SEARCH_DOCS_CHUNK } from '../../src/model/keys';
import type { PostingShard } from '../../src/search/index-format';
import { parseQuery } from '../../src/search/parse-query';
import { queryTerms, rank } from '../../src/search/rank';
import type { KvEntry } from './kv-entry';

/**
 * The search pipeline in-process over a compiled data set's entries: the same pure parse and
 * rank the worker runs, with postings taken from the built shards instead of KV. For the
 * relevance tests and for the benchmark (to know which articles its queries return); reads
 * through KV are tested in tests/worker/search.test.ts.
 */
export function inMemorySearch(entries: KvEntry[], documents: number) {
  const postings: PostingShard = {};
  const slugs: string[] = [];
  let shards = 0;
  for (const { key, value } of entries) {
    if (/:s:p:\d+$/.test(key)) {
      Object.assign(postings, value);
      shards += 1;
    }
    const docs = /:s:d:(\d+)$/.exec(key);
    if (docs) (value as string[]).forEach((slug, i) => (slugs[Number(docs[1]) * SEARCH_DOCS_CHUNK + i] = slug));
  }
  if (shards > searchShardCount(documents)) throw new Error('more shards than the article count allows');
  return {
    /** Slugs of every match, best first. */
    search(q: string): string[] {
      const query = parseQuery(q);
      const needed = new Set(queryTerms(query));
      const lookup = (t: string) => (needed.has(t) ? postings[t] : undefined);
      return rank(query, lookup, documents).map((r) => slugs[r.doc]!);
    },
  };
}
