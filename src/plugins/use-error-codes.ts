import { GraphQLError, type ExecutionResult } from 'graphql';
import type { GraphContext } from '../graph/context';
import { errorCodesOf } from '../http/request-log';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors';
import { asVariableError, codeResult, emptyRefusalBody, hasCode, withCode } from '../http/error-codes';
import { KnownOperationTypesRule } from '../query-rules/known-operation-types';
import { namedArgumentErrors } from '../http/argument-errors';

/**
 * The error-code policy (src/http/error-codes.ts) in yoga: parse errors are
 * GRAPHQL_PARSE_FAILED, validation errors GRAPHQL_VALIDATION_FAILED (unless a limit rule said
 * QUERY_TOO_COMPLEX), and every result and empty refusal is coded before it is sent.
 */
export function useErrorCodes(): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result instanceof GraphQLError && !hasCode(result)) {
          replaceParseResult(withCode(result, ErrorCode.GRAPHQL_PARSE_FAILED) as GraphQLError);
        }
      };
    },
    onValidate({ addValidationRule, params }) {
      addValidationRule(KnownOperationTypesRule);
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        const named = namedArgumentErrors(params.documentAST, result as readonly GraphQLError[]);
        if (named.some((e, i) => e !== result[i] || !hasCode(e))) {
          setResult(named.map((e) => (hasCode(e) ? e : withCode(e, ErrorCode.GRAPHQL_VALIDATION_FAILED))) as GraphQLError[]);
        }
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || !result.errors || 'data' in result) return;
          setResult({ ...result, errors: result.errors.map(asVariableError) as GraphQLError[] });
        },
      };
    },
    onResponse({ response, setResponse, fetchAPI }) {
      if ((response.status === 406 || response.status === 415) && !response.headers.get('content-type')) {
        const headers = new fetchAPI.Headers(response.headers);
        headers.set('content-type', 'application/json; charset=utf-8');
        setResponse(new fetchAPI.Response(emptyRefusalBody(response.status), { status: response.status, headers }));
      }
    },
    onResultProcess({ result, setResult, serverContext }) {
      // Streams (subscriptions, @defer) are not served by this API; plain results only.
      if (result && typeof result === 'object' && Symbol.asyncIterator in result) return;
      const coded = codeResult(result);
      const recorded = (serverContext as Partial<GraphContext> | undefined)?.errorCodes;
      if (recorded) for (const r of Array.isArray(coded) ? coded : [coded]) recorded.push(...errorCodesOf((r as ExecutionResult).errors));
      setResult(coded);
    },
  };
}
