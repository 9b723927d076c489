import type { Plugin } from 'graphql-yoga';
import { queryTooComplex } from '../errors';
import { queryCost } from '../query-rules/query-cost';
import { LIMITS } from '../limits';

/**
 * Refuses a query whose cost (src/query-rules/query-cost.ts) is over LIMITS.maxCost before any
 * field resolves. It runs at execution rather than validation because the cost depends on
 * the variables (`first: $n`), which validation does not see; the parse and validation
 * caches stay keyed by the document alone. The error is a request error (no `data`),
 * with the 400 status GraphQL-over-HTTP gives validation errors.
 */
export function useCostLimit(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = queryCost(args.schema, args.document, args.operationName, args.variableValues, {
        defaultPageSize: LIMITS.defaultPageSize,
        maxPageSize: LIMITS.maxPageSize,
      });
      if (cost <= LIMITS.maxCost) return;
      const error = queryTooComplex('maxCost', LIMITS.maxCost, cost);
      Object.assign(error.extensions, { http: { spec: true, status: 400 } });
      setResultAndStopExecution({ errors: [error] });
    },
  };
}
