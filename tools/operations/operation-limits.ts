import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { specifiedRules, validate, type DocumentNode, type GraphQLError, type GraphQLSchema, type ValidationContext } from 'graphql';
import { queryCost } from '../../src/query-rules/query-cost';
import { LIMITS } from '../../src/limits';

/**
 * The limits a request is held to at run time (src/limits.ts, enforced by
 * src/plugins/use-query-limits.ts and use-cost-limit.ts), checked when an operation is
 * persisted, so a trusted operation cannot be one the server would refuse. Depth, aliases and
 * directives use the same graphql-armor rules as the server; the cost is priced with the
 * operation's own variable defaults (a variable page size counts the default page size; the
 * server prices it again with the request's variables).
 *
 * Returns graphql-js validation errors: schema errors and limit hits, each with its location.
 */
export function validateWithLimits(schema: GraphQLSchema, document: DocumentNode, operationName: string) {
  // armor's rules hand each rejection to `onReject`; reported, it becomes a validation error.
  const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };
  const errors = validate(schema, document, [
    ...specifiedRules,
    maxDepthRule({ n: LIMITS.maxDepth, flattenFragments: true, ...report }),
    maxAliasesRule({ n: LIMITS.maxAliases, ...report }),
    maxDirectivesRule({ n: LIMITS.maxDirectives, ...report }),
  ]);
  if (errors.length > 0) return errors.map((e) => ({ message: e.message, at: e.locations?.[0] }));
  const cost = queryCost(schema, document, operationName, {}, { defaultPageSize: LIMITS.defaultPageSize, maxPageSize: LIMITS.maxPageSize });
  if (cost > LIMITS.maxCost) return [{ message: `costs ${cost}, over the limit of ${LIMITS.maxCost} (src/limits.ts maxCost)`, at: undefined }];
  return [];
}
