import { GraphQLError } from 'graphql';
import { InvalidArgument, NoDataVersion, isDomainError, type DomainError } from './model/domain-errors';

/**
 * The error codes this API answers with, in `extensions.code`: every error carries one of
 * them (src/plugins/use-error-codes.ts sees to it). Clients may switch on them; docs/api.md
 * lists them ("Limits and errors").
 */
export const ErrorCode = {
  /**
   * An argument or variable the client can fix: page size out of range, forged cursor or ID,
   * a variable of the wrong type (HTTP 200 with application/json, 400 with graphql-response+json).
   */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /**
   * Stored data could not be read. A failed document read leaves the rest of the answer
   * (HTTP 200, error at the field's path); no readable data version at all answers 503.
   */
  DATA_UNAVAILABLE: 'DATA_UNAVAILABLE',
  /** The HTTP request is not a GraphQL request: bad JSON, no query, wrong method. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The body is larger than the limit (HTTP 413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The query is not valid GraphQL syntax. */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** The query does not fit the schema (unknown field, wrong variable type, fragment cycle). */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** A query limit was hit; `extensions.limit` names it and `extensions.max` gives its value. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** Too many requests from this client (HTTP 429 with Retry-After). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** Anything unexpected; its message is hidden in production. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** Persisted operations (src/plugins/use-trusted-documents.ts raises them): no such hash. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** A query text was sent where only persisted operations run. */
  PERSISTED_QUERY_ONLY: 'PERSISTED_QUERY_ONLY',
  /** Neither a query nor a persisted-operation hash. */
  PERSISTED_QUERY_ID_REQUIRED: 'PERSISTED_QUERY_ID_REQUIRED',
  /** A query sent with a persisted-query hash that is not the SHA-256 of that query (HTTP 400). */
  PERSISTED_QUERY_HASH_MISMATCH: 'PERSISTED_QUERY_HASH_MISMATCH',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An argument the client can fix: a page too large, a malformed cursor, an unknown filter. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) },
  });
}

/** Data that should be there could not be read (KV failed, or held a broken value). */
export function dataUnavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.DATA_UNAVAILABLE } });
}

/** A query limit of src/limits.ts was exceeded; says which, its value, and what was found. */
export function queryTooComplex(limit: string, max: number, found?: number): GraphQLError {
  const what = found === undefined ? '' : ` (this query: ${found})`;
  return new GraphQLError(`Query exceeds the limit ${limit} = ${max}${what}.`, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, max, ...(found === undefined ? {} : { found }) },
  });
}

/** Seconds a client should wait before asking again when no data version is readable. */
export const UNAVAILABLE_RETRY_SECONDS = 30;

/**
 * The data-version pointer is missing or unreadable: nothing can be answered, so the whole
 * response is 503 with Retry-After (RFC 9110, 15.6.4) rather than a 200 with null data.
 * yoga reads `extensions.http` for the status and headers and leaves it out of the body.
 */
export function noDataVersion(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.DATA_UNAVAILABLE,
      http: { status: 503, headers: { 'retry-after': String(UNAVAILABLE_RETRY_SECONDS) } },
    },
  });
}

/**
 * The one place domain errors (src/model/domain-errors.ts), which model/, search/, store/ and
 * the resolvers throw, become GraphQL errors: InvalidArgument is BAD_USER_INPUT naming the
 * argument, DataUnavailable is DATA_UNAVAILABLE, and NoDataVersion the 503 above. `located`
 * is the error graphql-js wrapped the domain error in, whose place in the query is kept.
 * src/yoga.ts applies it to every error of a result, before unexpected ones are masked.
 */
export function toGraphQLError(error: DomainError, located?: GraphQLError): GraphQLError {
  const coded =
    error instanceof InvalidArgument ? badUserInput(error.message, error.argument)
    : error instanceof NoDataVersion ? noDataVersion(error.message)
    : dataUnavailable(error.message);
  if (!located) return coded;
  return new GraphQLError(coded.message, {
    nodes: located.nodes,
    source: located.source,
    positions: located.positions,
    path: located.path,
    extensions: coded.extensions,
  });
}

/** The domain error a GraphQL error wraps, if any. */
export function domainErrorOf(error: unknown): DomainError | undefined {
  if (isDomainError(error)) return error;
  if (error instanceof GraphQLError && isDomainError(error.originalError)) return error.originalError;
  return undefined;
}
