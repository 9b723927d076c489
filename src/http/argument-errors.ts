import type { DocumentNode, GraphQLError } from 'graphql';
import { toGraphQLError } from '../errors';
import { InvalidArgument } from '../model/domain-errors';
import { argumentPathOf } from '../query-rules/argument-path';

/**
 * A literal a scalar refuses (src/graph/date-time-scalar.ts) is reported by validation with the
 * value's node and the domain error behind it: here it becomes BAD_USER_INPUT naming its
 * argument (`filter.modifiedSince`) in the message and `extensions.argument`, as the resolvers'
 * own argument errors do (src/errors.ts toGraphQLError).
 */
export function namedArgumentErrors(document: DocumentNode, errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((error) => {
    const at = error.nodes?.[0];
    if (!(error.originalError instanceof InvalidArgument) || error.extensions?.code !== undefined || !at) return error;
    const argument = argumentPathOf(document, at) ?? error.originalError.argument;
    const message = argument ? `\`${argument}\`: ${error.originalError.message}` : error.originalError.message;
    return toGraphQLError(new InvalidArgument(message, argument), error);
  });
}
