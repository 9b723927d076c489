import { pageRange, type parseConnectionArgs, type PageRange } from '../model/page-range';
import { docRange } from './date-range';
import type { PostingShard, SearchDates } from './index-format';
import type { ParsedQuery } from './parse-query';
import { docSet, queryTerms, rank } from './rank';

/**
 * Full-text search, start to end, over whatever holds the index: the worker reads it from KV
 * (src/store/search-reader.ts), in the order the reads are listed here: the article count;
 * every posting shard the query's terms and filters fall in (plus the date table for a date
 * filter) in one bulk read; then the slugs of the page.
 */
export interface SearchIndexReads {
  /** Documents the index numbers: the data version's article count. */
  documents(): Promise<number>;
  /** The postings of `terms` and, when asked, the date table, in one round trip. */
  postings(terms: string[], withDates: boolean): Promise<{ postings: PostingShard; dates: SearchDates | null }>;
  /** Article slugs by document number. */
  slugs(docs: number[]): Promise<string[]>;
}

/** A search, its arguments already checked (the resolver parses them, in argument order). */
export interface SearchRequest {
  query: ParsedQuery;
  page: ReturnType<typeof parseConnectionArgs>;
  /** Filter terms of the index (`filterTerm`): language, linked entities. */
  filters: string[];
  /** Inclusive YYYY-MM-DD bounds on the publication date. */
  from?: string;
  to?: string;
}

export interface SearchPage {
  query: ParsedQuery;
  /** Matches over all pages. */
  total: number;
  range: PageRange;
  /** The page's matches, best first. */
  hits: Array<{ slug: string; doc: number; score: number }>;
}

export async function runSearch(index: SearchIndexReads, request: SearchRequest): Promise<SearchPage> {
  const { query, page, filters, from, to } = request;
  const documents = await index.documents();
  const terms = query.required.length > 0 ? queryTerms(query) : [];
  const { postings, dates } = await index.postings([...terms, ...filters], from !== undefined || to !== undefined);
  const [lo, hi] = dates ? docRange(dates, documents, from, to) : [0, documents];
  const sets = filters.map((t) => docSet(postings[t], documents));
  const ranked = rank(query, (t) => postings[t], documents, (doc) => doc >= lo && doc < hi && sets.every((s) => s[doc] === 1));
  const range = pageRange(ranked.length, page);
  const shown = ranked.slice(range.start, range.end);
  const slugs = await index.slugs(shown.map((r) => r.doc));
  return { query, total: ranked.length, range, hits: shown.map((r, i) => ({ slug: slugs[i]!, doc: r.doc, score: r.score })) };
}
