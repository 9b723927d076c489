import { GraphQLError } from 'graphql';

/**
 * The error codes this API answers with, in `extensions.code`. Clients may switch on them;
 * the README lists them. Codes for the HTTP layer (rate limits, persisted operations) are
 * added by the plugins that raise them.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  DATA_UNAVAILABLE: 'DATA_UNAVAILABLE',
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
