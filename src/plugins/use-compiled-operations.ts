import { getVariableValues, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { executeCompiled } from '../graph/compiled/execute';
import { compiledByDocument, compiledByText } from '../graph/compiled/linked-operations';
import type { GraphContext } from '../graph/context';

/** The response header that says the compiled path answered (src/worker.ts sets it; tests and the bench check it). */
export const COMPILED_HEADER = 'x-graphql-executor';

/**
 * Persisted operations compiled at build (docs/compiled-operations.md) run here instead of
 * through graphql-js, when COMPILED_OPERATIONS is "on" (src/config.ts). The hooks are
 * envelop's own, so everything around execution is untouched: the rate limit (onRequest), the
 * trusted documents (onParams), the response memo (filled by use-response-memo.ts, looked up
 * before yoga in src/http/memo-hit.ts, keyed by the request's bytes), the cost limit
 * (onExecute, on the same document), the error codes and masking (on the result), and the
 * worker's headers, ETag, edge cache and x-kv-stats (around yoga, src/worker.ts).
 *   - parse: the operation's document comes from the build; its text is never parsed;
 *   - validate: skipped; the build validated it against the schema and the limits;
 *   - execute: src/graph/compiled/execute.ts, after graphql-js coerces the variables (spec
 *     6.1.2 CoerceVariableValues, `getVariableValues`). A request the compiled path would not
 *     answer identically (variables that fail coercion, another operation name) runs
 *     graphql-js's execute unchanged, which answers it as it always has.
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
        // Executed already, before yoga (src/http/compiled-early.ts), with errors to be
        // masked, coded and answered here as any result is: not run twice.
        if (flags.result) return flags.result;
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
