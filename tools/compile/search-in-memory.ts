import type { ArticleDoc, VersionPointer } from '../../src/model/documents';
import { searchLayout, type MovedDocs, type PostingShard } from '../../src/search/index-format';
import { movedMap } from '../../src/search/merge-parts';
import { decodePostingShard, type DecodedShard } from '../../src/search/posting-codec';
import { termPostings } from '../../src/search/term-postings';
import { parseQuery } from '../../src/search/parse-query';
import { searchParts, termShards } from '../../src/search/search-parts';
import { queryTerms, rank, rankPage } from '../../src/search/rank';
import { docRanges } from '../../src/search/date-range';
import type { KvEntry } from './kv-entry';

/**
 * The search pipeline in-process over a data set's search entries: the same pure parse and
 * rank the worker runs, with postings taken from the stored parts instead of KV. For the
 * relevance tests, the incremental-publish tests and the benchmark (to know which articles its
 * queries return); reads through KV are tested in tests/worker/search.test.ts.
 */
export function inMemorySearch(entries: Iterable<KvEntry>, pointer: VersionPointer) {
  const layout = searchLayout(pointer);
  const live = pointer.articleCount;
  // Shards decoded as the worker decodes them, by `<part>:<shard>`.
  const decoded = new Map<string, DecodedShard>();
  const slugs: string[] = [];
  let moved: MovedDocs = [];
  let dates: Array<[string, number]> = [];
  for (const { key, value } of entries) {
    const shard = /:s:p:(\d+)(?::(\d+))?$/.exec(key);
    if (shard) {
      const part = Number(shard[2] ?? 0);
      const shards = searchParts(layout).find((p) => p.part === part)?.shards ?? 0;
      if (Number(shard[1]) >= shards) throw new Error(`${key} is outside the layout`);
      decoded.set(`${part}:${shard[1]}`, decodePostingShard(new TextEncoder().encode(JSON.stringify(value as PostingShard))));
    }
    const doc = /:s:a:(\d+)$/.exec(key);
    if (doc) slugs[Number(doc[1])] = (value as ArticleDoc).slug;
    if (key.endsWith(':s:x')) moved = value as MovedDocs;
    if (key.endsWith(':s:t')) dates = value as Array<[string, number]>;
  }
  const live_ = movedMap(moved);
  const partsOfLayout = searchParts(layout);
  const lookup = (t: string) => termPostings(t, termShards(t, partsOfLayout).map(({ part, shard }) => ({ part, shard: decoded.get(`${part}:${shard}`) })), live_, layout.docs);
  /** Every match, best first, with its slug, within an optional date range. */
  function ranked(q: string, from?: string, to?: string): Array<{ doc: number; slug: string; score: number }> {
      const query = parseQuery(q);
      const needed = new Set(queryTerms(query));
      const terms = (t: string) => (needed.has(t) ? lookup(t) : undefined);
      const ranges = from || to ? docRanges(dates, layout.docs, from, to) : undefined;
      const all = ranges
        ? rankPage(query, terms, layout.docs, { ranges, live }, (count) => ({ start: 0, end: count })).hits
        : rank(query, terms, layout.docs, undefined, live);
      return all.map((r) => ({ ...r, slug: slugs[r.doc]! }));
  }
  /** Slugs of every match, best first. */
  const search = (q: string): string[] => ranked(q).map((r) => r.slug);
  /** The first page of `first` as the worker ranks it (early termination), and its counts. */
  const page = (q: string, first: number) => {
    const query = parseQuery(q);
    const needed = new Set(queryTerms(query));
    return rankPage(query, (t) => (needed.has(t) ? lookup(t) : undefined), layout.docs, { live, limit: first }, (n) => ({ start: 0, end: Math.min(n, first) }));
  };
  return { search, ranked, page };
}
