import { getVariableValues, type ExecutionResult } from 'graphql';
import { executeCompiled } from '../graph/compiled/execute';
import type { LinkedOperation } from '../graph/compiled/link';
import { compiledById } from '../graph/compiled/linked-operations';
import { schema } from '../graph/schema';
import { compiledWithinCost } from '../http/cost-bound';
import { finishedResult } from '../http/error-masking';
import { rateLimited } from '../http/rate-limit';
import { soleOperationId, type RequestParams } from '../http/request-params';
import { keepAnswer } from '../http/response-memo';
import { graphContext, paramsOf, type Exchange, type Stage } from './exchange';
import { earlyAnswer } from './headers';

/**
 * The compiled stage: a persisted operation compiled at build (docs/compiled-operations.md),
 * named by id, runs on the compiled executor without yoga: its document, validation and
 * limits were settled at build, so yoga's request pipeline would add only cost.
 *
 * Only requests whose answer is certain are taken, in the order yoga's plugins decide:
 *   1. a memo miss (src/front/memo.ts: /graphql, GET or POST, a JSON media type, body read,
 *      data version known), not GraphiQL's HTML GET;
 *   2. params of one persisted shape naming a compiled operation, no other operation name
 *      (src/http/request-params.ts);
 *   3. variables that coerce (spec 6.1.2 CoerceVariableValues) and the cost bound
 *      (src/http/cost-bound.ts);
 *   4. the rate limit (src/http/rate-limit.ts), counted once, as yoga's first plugin would.
 * Anything else passes on to yoga. The result is finished here: a success kept in the memo
 * and answered; a result with errors masked, coded and serialized as yoga would
 * (src/http/error-masking.ts finishedResult).
 */
export const compiledStage: Stage = async (exchange, next) => {
  const { miss } = exchange;
  if (!exchange.compiled.enabled || !miss) return next();
  let admitted: Admitted | null;
  try {
    admitted = await admit(exchange);
  } catch {
    // Whatever failed (the rate limiter, say), yoga meets it again and answers it its own way.
    return next();
  }
  if (!admitted) return next();
  if ('refused' in admitted) return admitted.refused;
  const { operation, params, variables } = admitted;
  exchange.compiled.ran = true;
  const contextValue = { ...graphContext(exchange), request: exchange.request, params };
  const result = await executeCompiled({ schema, operation, contextValue, variableValues: variables, errors: [] });
  if ('errors' in result) return finishedResult(result as ExecutionResult, miss.mediaType, exchange.config.production, exchange.errorCodes);
  const text = JSON.stringify(result);
  // A 200 of the negotiated media type: what the memo stage sends, so kept without asking the response.
  exchange.waitUntil(keepAnswer(exchange.isolate.responses, miss.key, text, exchange.reader.answerReads()));
  return earlyAnswer(exchange, 'compiled', text, miss.mediaType);
};

type Admitted = { refused: Response } | { operation: LinkedOperation; params: RequestParams; variables: Record<string, unknown> };

/** Steps 1-4 above: null when yoga must answer; the rate limit's 429; or what to execute. */
async function admit(exchange: Exchange): Promise<Admitted | null> {
  const { request, config } = exchange;
  if (request.headers.get('accept')?.includes('text/html')) return null; // GraphiQL's GET, when on
  const params = paramsOf(exchange);
  const id = params && soleOperationId(params);
  const operation = id === null || id === undefined ? undefined : compiledById(id);
  if (!params || !operation) return null;
  if (params.operationName != null && params.operationName !== operation.name) return null;
  const raw = params.variables as Record<string, unknown> | null | undefined;
  const variables = getVariableValues(schema, operation.operation.variableDefinitions ?? [], raw ?? {}, { maxErrors: 50 });
  if (variables.errors) return null;
  if (!compiledWithinCost(operation, params.operationName as string | null | undefined, raw)) return null;
  const refused = await rateLimited(request, config.rateLimit);
  return refused ? { refused } : { operation, params, variables: variables.coerced };
}
