import type { ArticleDoc } from '../../model/documents';
import { checkDateRange } from '../../model/date-argument';
import { DataUnavailable } from '../../model/domain-errors';
import { ENTITY_KINDS } from '../../model/entity-kinds';
import { encodeCursor, parseConnectionArgs } from '../../model/page-range';
import { sectionKey, subjectHandle } from '../../model/topic-keys';
import { filterTerm } from '../../search/index-format';
import { parseQuery } from '../../search/parse-query';
import { highlights } from '../../search/highlights';
import { runSearch } from '../../search/run-search';
import { matchSuggestions, parsePrefix } from '../../search/suggest-match';
import { SearchReader } from '../../store/search-reader';
import { toConnection } from '../connection';
import type { QueryResolvers, SearchFilter } from '../resolver-types.gen';
import { ref } from './refs';

/**
 * `search` checks its arguments, runs src/search/run-search.ts over the KV index (which reads
 * the page's articles with it) for the edges, their highlights and the nodes.
 */
/** Filters are terms of the index (language, linked entities, section, subjects), read with the query's terms. */
function filterTerms(f: SearchFilter): string[] {
  return [
    ...(f.language != null ? [filterTerm('lang', f.language)] : []),
    ...ENTITY_KINDS.flatMap((k) => (f[k.filter] != null ? [filterTerm(k.type, f[k.filter]!)] : [])),
    ...(f.section != null ? [filterTerm('section', sectionKey(f.section))] : []),
    ...(f.subject != null ? [filterTerm('subject', subjectHandle(f.subject))] : []),
  ];
}

export const SearchQuery = {
  async search(_, args, ctx) {
    const query = parseQuery(args.query);
    const pageArgs = parseConnectionArgs({ first: args.first, after: args.after });
    const f = args.filter ?? {};
    const { from, to } = checkDateRange(f.publishedFrom, f.publishedTo, ['filter.publishedFrom', 'filter.publishedTo']);
    const page = await runSearch(new SearchReader(ctx.reader), { query, page: pageArgs, filters: filterTerms(f), from, to });
    // An unreadable or missing article is its own item's error (a null node), not the page's:
    // graphql-js (and src/graph/compiled/execute.ts) complete an Error value as that field's error.
    const nodes = page.hits.map((hit) => hit.article ?? new DataUnavailable('A search result is missing from the data.')) as ArticleDoc[];
    const cursorOf = (_: unknown, i: number) => encodeCursor([String(page.hits[i]!.score), String(page.hits[i]!.doc)], page.range.start + i);
    return toConnection(nodes, page.total, page.range, cursorOf, (node, i) => ({
      score: page.hits[i]!.score,
      // As the node: an Error value is completed as this field's error.
      highlights: node instanceof DataUnavailable ? (node as never) : highlights(node, page.query),
    }));
  },

  /** Type-ahead: one read of the buckets on the prefix's words' paths; entities load as refs. */
  async suggest(_, args, ctx) {
    const { words, first } = parsePrefix(args.prefix, args.first);
    if (words.length === 0 || first === 0) return [];
    const { buckets, depth } = await new SearchReader(ctx.reader).suggestBuckets(words);
    return matchSuggestions(words, buckets, first, depth).map((s) => ref(s.type, s.slug));
  },
} satisfies QueryResolvers;
