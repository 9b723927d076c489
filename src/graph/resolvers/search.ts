import type { ArticleDoc } from '../../model/documents';
import { encodeCursor, pageRange, parseConnectionArgs } from '../../model/page-range';
import { DataUnavailable } from '../../model/domain-errors';
import { docRange } from '../../search/date-range';
import { highlights, type Highlight } from '../../search/highlights';
import { filterTerm } from '../../search/index-format';
import { parseQuery } from '../../search/parse-query';
import { docSet, queryTerms, rank } from '../../search/rank';
import { matchSuggestions, parsePrefix, prefixBuckets } from '../../search/suggest-match';
import { SearchReader } from '../../store/search-reader';
import type { GraphContext } from '../context';
import { checkDate } from './query';
import { ref } from './refs';

interface SearchFilter {
  language?: string | null;
  publishedFrom?: string | null;
  publishedTo?: string | null;
  person?: string | null;
  event?: string | null;
  place?: string | null;
}

interface SearchArgs {
  query: string;
  first?: number | null;
  after?: string | null;
  filter?: SearchFilter | null;
}

interface SearchEdge {
  cursor: string;
  node: ArticleDoc;
  score: number;
  highlights: Highlight[];
}

/** Filters are terms of the index (language, linked entities), read with the query's terms. */
function filterTerms(f: SearchFilter): string[] {
  return [
    ...(f.language != null ? [filterTerm('lang', f.language)] : []),
    ...(f.person != null ? [filterTerm('Person', f.person)] : []),
    ...(f.event != null ? [filterTerm('Event', f.event)] : []),
    ...(f.place != null ? [filterTerm('Place', f.place)] : []),
  ];
}

/**
 * Reads: the pointer; then every posting shard the query's terms and filters fall in (plus the
 * date table for a date filter) in one bulk read; then the slugs and the articles of the page.
 */
async function search(_: unknown, args: SearchArgs, ctx: GraphContext) {
  const query = parseQuery(args.query);
  const page = parseConnectionArgs({ first: args.first, after: args.after });
  const f = args.filter ?? {};
  const from = checkDate(f.publishedFrom, 'filter.publishedFrom');
  const to = checkDate(f.publishedTo, 'filter.publishedTo');
  const reader = new SearchReader(ctx.reader);
  const { articleCount } = await ctx.reader.pointer();
  const filters = filterTerms(f);
  const terms = query.required.length > 0 ? queryTerms(query) : [];
  const { postings, dates } = await reader.postings([...terms, ...filters], from !== undefined || to !== undefined);
  const [lo, hi] = dates ? docRange(dates, articleCount, from, to) : [0, articleCount];
  const sets = filters.map((t) => docSet(postings[t], articleCount));
  const ranked = rank(query, (t) => postings[t], articleCount, (doc) => doc >= lo && doc < hi && sets.every((s) => s[doc] === 1));
  const range = pageRange(ranked.length, page);
  const shown = ranked.slice(range.start, range.end);
  const slugs = await reader.slugs(shown.map((r) => r.doc));
  const docs = await Promise.all(slugs.map((slug) => ctx.reader.article(slug)));
  const edges: SearchEdge[] = shown.map((r, i) => {
    const node = docs[i];
    if (!node) throw new DataUnavailable(`Search result ${slugs[i] || r.doc} is missing from the data.`);
    return { cursor: encodeCursor(range.start + i), node, score: r.score, highlights: highlights(node, query) };
  });
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: range.hasNextPage,
      hasPreviousPage: range.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: ranked.length,
  };
}

/** Type-ahead: one read of the buckets the prefix's words fall in; entities load as refs. */
async function suggest(_: unknown, args: { prefix: string; first?: number | null }, ctx: GraphContext) {
  const { words, first } = parsePrefix(args.prefix, args.first);
  if (words.length === 0 || first === 0) return [];
  const buckets = await new SearchReader(ctx.reader).suggestBuckets(prefixBuckets(words));
  return matchSuggestions(words, buckets, first).map((s) => ref(s.type as Parameters<typeof ref>[0], s.slug));
}

export const SearchQuery = { search, suggest };
