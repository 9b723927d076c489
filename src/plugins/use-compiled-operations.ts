import { getVariableValues, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { executeCompiled } from '../graph/compiled/execute';
import { compiledByDocument, compiledByText } from '../graph/compiled/linked-operations';
import type { GraphContext } from '../graph/context';

/**
 * Persisted operations compiled at build (docs/compiled-operations.md) run on the compiled
 * executor inside yoga too, for the requests the front door's compiled stage leaves to it
 * (a query text naming a persisted document, say), when COMPILED_OPERATIONS is "on". The
 * hooks are envelop's own, so everything around execution is yoga's as for any request.
 *   - parse: the operation's document comes from the build; its text is never parsed;
 *   - validate: skipped; the build validated it against the schema and the limits;
 *   - execute: src/graph/compiled/execute.ts, after graphql-js coerces the variables (spec
 *     6.1.2 CoerceVariableValues); a request the compiled executor would not answer
 *     identically (variables that fail coercion, another operation name) runs graphql-js.
 */
export function useCompiledOperations(): Plugin<Record<string, unknown>, GraphContext> {
  return {
    onParse({ context, params, setParsedDocument }) {
      if (!(context as Partial<GraphContext>).compiled?.enabled) return;
      const operation = compiledByText(String(params.source));
      if (operation) setParsedDocument(operation.document);
    },
    onValidate({ context, params, setResult }) {
      if ((context as Partial<GraphContext>).compiled?.enabled && compiledByDocument(params.documentAST)) setResult([]);
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      const { compiled: flags } = args.contextValue as Partial<GraphContext>;
      const operation = compiledByDocument(args.document);
      if (!operation || !flags?.enabled) return;
      setExecuteFn((execution: ExecutionArgs) => {
        if (execution.operationName != null && execution.operationName !== operation.name) return executeFn(execution);
        const variables = getVariableValues(execution.schema, operation.operation.variableDefinitions ?? [], execution.variableValues ?? {}, {
          maxErrors: 50,
        });
        if (variables.errors) return executeFn(execution);
        flags.ran = true;
        return executeCompiled({
          schema: execution.schema,
          operation,
          contextValue: execution.contextValue,
          variableValues: variables.coerced,
          errors: [],
        });
      });
    },
  };
}
