import { GraphQLError, type ExecutionResult } from 'graphql';
import { createLogger, maskError, processRegularResult, type YogaLogger } from 'graphql-yoga';
import { domainErrorOf, toGraphQLError } from '../errors';
import { InvalidArgument } from '../model/domain-errors';
import { codeResult } from './error-codes';
import { errorCodesOf } from './request-log';

/**
 * The error-masking policy: a domain error gets its code (src/errors.ts); any other unexpected
 * error has its message hidden in production (yoga's maskError). yoga applies it through its
 * `maskedErrors` option (src/yoga.ts); the early compiled stage through `finishedResult`.
 */
export const MASKED_MESSAGE = 'Unexpected error.';

export function maskOne(error: unknown, message: string, isDev?: boolean): Error {
  const domain = domainErrorOf(error);
  return domain ? toGraphQLError(domain, error instanceof GraphQLError ? error : undefined) : maskError(error, message, isDev);
}

/**
 * The server's log. yoga logs every error that masking changes, and mapping a domain error to
 * its code is such a change; an InvalidArgument (a forged cursor, a reversed date range) is
 * the client's mistake, answered with BAD_USER_INPUT: not worth a stack trace in the log.
 */
export const serverLogger: YogaLogger = withoutClientErrors(createLogger('info'));

function withoutClientErrors(logger: YogaLogger): YogaLogger {
  const clientError = (value: unknown) => domainErrorOf(value) instanceof InvalidArgument;
  return { ...logger, error: (...args: unknown[]) => (args.some(clientError) ? undefined : logger.error(...args)) };
}

/**
 * An executed result as yoga sends it: errors masked (logged when changed, as yoga's masking
 * does), coded, and serialized by yoga's own result processor for the negotiated media type.
 */
export function finishedResult(result: ExecutionResult, mediaType: string, production: boolean, codes?: string[]): Response {
  const errors = result.errors?.map((error) => {
    const masked = maskOne(error, MASKED_MESSAGE, !production);
    if (masked !== error) serverLogger.error(error);
    return masked as GraphQLError;
  });
  const coded = codeResult(errors ? { ...result, errors } : result);
  codes?.push(...errorCodesOf(coded.errors));
  return processRegularResult(coded, { Response } as unknown as Parameters<typeof processRegularResult>[1], mediaType) as Response;
}
