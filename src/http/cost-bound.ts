import { Kind, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import { queryTooComplex } from '../errors';
import type { LinkedOperation } from '../graph/compiled/link';
import { schema } from '../graph/schema';
import { COST_PRICING, LIMITS } from '../limits';
import { queryCost } from '../query-rules/query-cost';

/**
 * The cost bound: a request whose cost (src/query-rules/query-cost.ts) is over LIMITS.maxCost
 * runs no field. The one call into the pricing is `price`; yoga's cost plugin and the early
 * compiled stage both ask here. The cost depends on the variables (`first: $n`), so it is
 * checked per request at execution, not at validation.
 */
const PRICING = COST_PRICING;
/** The largest page any field takes: what a variable is priced at when the worst is asked. */
const LARGEST_PAGE = Math.max(PRICING.maxPageSize, ...Object.values(PRICING.largerPages));

function price(on: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): number {
  return queryCost(on, document, operationName, variables, PRICING);
}

/**
 * The request error for a query over the bound, or null: no `data`, with the 400 that
 * GraphQL-over-HTTP gives validation errors under application/graphql-response+json.
 */
export function costRefusal(
  on: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | null {
  const cost = price(on, document, operationName, variables);
  if (cost <= LIMITS.maxCost) return null;
  const error = queryTooComplex('maxCost', LIMITS.maxCost, cost);
  Object.assign(error.extensions, { http: { spec: true, status: 400 } });
  return error;
}

/** Whether a compiled operation with these raw variables is within the bound. */
export function compiledWithinCost(operation: LinkedOperation, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): boolean {
  return withinCostWhateverVariables(operation) || price(schema, operation.document, operationName, variables) <= LIMITS.maxCost;
}

/** Per compiled operation (a dozen, linked once per isolate): whether its cost is bounded by LIMITS.maxCost. */
const boundedCost = new WeakMap<LinkedOperation, boolean>();

/**
 * Whether no variables can price this operation over LIMITS.maxCost, so that it need not be
 * priced per request. Priced once with each variable at its most costly: a list variable of
 * maxPageSize items, any other variable the largest page a field takes. A field's multiplier is a clamped page
 * size, the default page size (at most the maximum), a clamped list length, or 1, and the cost
 * grows with every multiplier, so that price bounds every request's.
 */
export function withinCostWhateverVariables(operation: LinkedOperation): boolean {
  let bounded = boundedCost.get(operation);
  if (bounded !== undefined) return bounded;
  const worst: Record<string, unknown> = {};
  for (const definition of operation.operation.variableDefinitions ?? []) {
    const type = definition.type.kind === Kind.NON_NULL_TYPE ? definition.type.type : definition.type;
    worst[definition.variable.name.value] = type.kind === Kind.LIST_TYPE ? new Array(PRICING.maxPageSize).fill(null) : LARGEST_PAGE;
  }
  bounded = PRICING.defaultPageSize <= PRICING.maxPageSize && price(schema, operation.document, operation.name, worst) <= LIMITS.maxCost;
  boundedCost.set(operation, bounded);
  return bounded;
}
