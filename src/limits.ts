import { DEFAULT_PAGE_SIZE, MAX_CHANGES_PAGE_SIZE, MAX_PAGE_SIZE } from './model/page-range';

/**
 * Every limit a request is held to, in one place. The table of docs/api.md, "Limits and errors",
 * lists the same values (tests/node/readme-limits.test.ts compares them).
 *
 * The values follow graphql-armor's defaults where those fit this schema, and Contentful's
 * published practice of one complexity budget per query with list fields weighted by their
 * page size. The deepest useful query of this schema (article -> people -> articles -> nodes
 * -> people -> name) has depth 6, so 10 leaves room without allowing recursion bombs.
 */
export const LIMITS = {
  /** Field nesting; fragments do not count as a level (graphql-armor max-depth, flattened). */
  maxDepth: 10,
  /** Query cost (src/query-rules/query-cost.ts): the schema's @cost weights, times the @listSize page sizes. */
  maxCost: 5000,
  /** Aliased fields per operation (graphql-armor max-aliases). */
  maxAliases: 30,
  /** Lexical tokens per document (graphql-armor max-tokens; enforced while parsing). */
  maxTokens: 2000,
  /** Directives per operation (graphql-armor max-directives). */
  maxDirectives: 20,
  /** Request body, in bytes; larger bodies answer 413. */
  maxBodyBytes: 64 * 1024,
  /** Operations per HTTP request: batching is refused. */
  maxBatch: 1,
  /** Items a page holds when `first`/`last` are not given. */
  defaultPageSize: DEFAULT_PAGE_SIZE,
  /** Largest `first`/`last`, and largest `ids` list of `nodes`. */
  maxPageSize: MAX_PAGE_SIZE,
  /** Largest `first` of `changes(since:)`: a day away resyncs in two pages. */
  maxChangesPageSize: MAX_CHANGES_PAGE_SIZE,
} as const;

export type LimitName = keyof typeof LIMITS;

/** The page sizes the query cost prices lists at (src/query-rules/query-cost.ts CostOptions). */
export const COST_PRICING = {
  defaultPageSize: LIMITS.defaultPageSize,
  maxPageSize: LIMITS.maxPageSize,
  largerPages: { changes: LIMITS.maxChangesPageSize },
};
