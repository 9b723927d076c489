import type { Plugin } from 'graphql-yoga';
import { costRefusal } from '../http/cost-bound';

/**
 * The cost bound (src/http/cost-bound.ts) in yoga: refused before any field resolves, at
 * execution because the cost depends on the variables, which validation does not see.
 */
export function useCostLimit(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = costRefusal(args.schema, args.document, args.operationName, args.variableValues);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
  };
}
