/**
 * The errors the pure layers (model/, text/, search/, store/) and the resolvers throw. They
 * say what went wrong in the domain's terms only; src/errors.ts (`toGraphQLError`) is the one
 * place that turns them into GraphQL error codes and, where the whole answer is affected,
 * HTTP statuses. Nothing below src/graph/ knows about GraphQL or HTTP.
 */

/** An argument the client can fix: a page size out of range, a forged cursor or ID, a blank query. */
export class InvalidArgument extends Error {
  override readonly name: string = 'InvalidArgument';
  constructor(
    message: string,
    /** The argument at fault, as the client spelled it (`first`, `filter.publishedFrom`). */
    readonly argument?: string,
  ) {
    super(message);
  }
}

/**
 * Delta sync was asked for changes since a data version the sync log no longer holds (or never did):
 * the app must refresh fully, then sync from the current version (docs/app-developers.md).
 */
export class SyncVersionTooOld extends InvalidArgument {
  override readonly name = 'SyncVersionTooOld';
}

/** Data that should be there could not be read: the store failed, or held a broken value. */
export class DataUnavailable extends Error {
  override readonly name: string = 'DataUnavailable';
}

/**
 * No data version can be read at all (the pointer is missing, unreadable, or its read
 * failed): nothing can be answered, so a client should retry the whole request later.
 */
export class NoDataVersion extends DataUnavailable {
  override readonly name = 'NoDataVersion';
}

export type DomainError = InvalidArgument | DataUnavailable;

export const isDomainError = (error: unknown): error is DomainError =>
  error instanceof InvalidArgument || error instanceof DataUnavailable;
