import type { ArticleDoc } from '../model/documents';
import { InvalidArgument, type DataUnavailable } from '../model/domain-errors';
import { DEFAULT_PAGE_SIZE, pageRange, type parseConnectionArgs, type PageRange } from '../model/page-range';
import { docRanges } from './date-range';
import type { DenseList } from './dense-list';
import type { SearchDates } from './index-format';
import type { ParsedQuery } from './parse-query';
import { queryTerms, rankPage, type Postings } from './rank';

/**
 * Full-text search, start to end, over whatever holds the index: the worker reads it from KV
 * (src/store/search-reader.ts) in two round trips after the pointer: every posting part the
 * query's terms and filters fall in (plus the date runs for a date filter, and the moved
 * documents once a publish corrected or removed one) in one bulk read; then the page's
 * articles, by document number, in another.
 */
export interface SearchIndexReads {
  /** Document numbers given out (the work arrays' size) and live documents (idf's N). */
  documents(): Promise<{ numbers: number; live: number }>;
  /** The postings of `terms` and, when asked, the date runs, in one round trip. */
  postings(terms: string[], withDates: boolean): Promise<{ postings: ReadonlyMap<string, Postings | DenseList>; dates: SearchDates | null }>;
  /** The articles of these document numbers, in one round trip (null: not stored; an error: unreadable). */
  articles(docs: number[]): Promise<Array<ArticleDoc | DataUnavailable | null>>;
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
  /** The page's matches, best first, with their articles (null: missing from the data). */
  hits: Array<{ doc: number; score: number; article: ArticleDoc | DataUnavailable | null }>;
}

export async function runSearch(index: SearchIndexReads, request: SearchRequest): Promise<SearchPage> {
  const { query, page, filters, from, to } = request;
  const { numbers, live } = await index.documents();
  const terms = query.clauses.length > 0 ? queryTerms(query) : [];
  const { postings, dates } = await index.postings([...terms, ...filters], from !== undefined || to !== undefined);
  const ranges = dates ? docRanges(dates, numbers, from, to) : undefined;
  // The cursor names a result by score, then document number (the order rank.ts sorts by), so a
  // page after it starts past every result that ranks before it (src/model/page-range.ts).
  const after = page.after && { score: Number(page.after.key[0]), doc: Number(page.after.key[1]) };
  if (after && !(Number.isFinite(after.score) && Number.isInteger(after.doc))) {
    throw new InvalidArgument('`after` is not a cursor this API issued.', 'after');
  }
  // Only the page's hits leave the ranking: its work arrays are the isolate's (rank-buffers.ts).
  let range = pageRange(0, { first: page.first });
  const ranked = rankPage(
    query,
    (t) => postings.get(t),
    numbers,
    { ranges, live, filters: filters.map((t) => postings.get(t)), after, limit: page.first ?? DEFAULT_PAGE_SIZE },
    (count, beforeCursor) => (range = pageRange(count, { first: page.first, start: after ? beforeCursor : undefined })),
  );
  const articles = await index.articles(ranked.hits.map((r) => r.doc));
  return { query, total: ranked.count, range, hits: ranked.hits.map((r, i) => ({ doc: r.doc, score: r.score, article: articles[i] ?? null })) };
}
