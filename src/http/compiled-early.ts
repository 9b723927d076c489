import { getVariableValues, type ExecutionResult } from 'graphql';
import { executeCompiled } from '../graph/compiled/execute';
import type { LinkedOperation } from '../graph/compiled/link';
import { compiledById } from '../graph/compiled/linked-operations';
import type { GraphContext } from '../graph/context';
import { schema } from '../graph/schema';
import { LIMITS } from '../limits';
import { DOCUMENT_ID_PARAMS, persistedOperationId } from '../plugins/use-trusted-documents';
import { queryCost } from '../query-rules/query-cost';
import type { LruCache } from '../store/lru-cache';
import { rememberAnswer } from './memo-hit';
import { isObject, requestParams, type RequestParams } from './request-params';
import { rateLimited } from './rate-limit';

/**
 * Compiled persisted operations answered in the fetch handler, before yoga (issue 14): a
 * profile of an executed latest-articles request (`npm run profile:request`, docs/performance.md)
 * put more of the isolate's CPU into yoga's request pipeline (parsing the body again through
 * a size-limiting stream, ten plugins' hooks, promise helpers, the result processor) than into
 * executing the operation. A request by persisted id needs none of it: the document, its
 * validation and its limits were settled at build.
 *
 * Only requests whose answer is certain are taken, in the order yoga's plugins would decide:
 *   1. the request as the memo key saw it (src/http/memo-hit.ts: /graphql, GET or POST, a JSON
 *      media type negotiated, body read, data version known), a POST's content type JSON;
 *   2. params of exactly one persisted shape (request-params.ts, `persistedId` below), naming a
 *      compiled operation (src/graph/compiled/linked-operations.ts), no other operation name;
 *   3. variables that coerce (spec 6.1.2) and a cost within LIMITS.maxCost (use-cost-limit.ts);
 *   4. the rate limit (src/http/rate-limit.ts), counted once, as yoga's first plugin would.
 * Anything else is `null`: yoga answers it, exactly as before. After the rate limit the
 * operation runs on the compiled executor; a result without errors is answered here as yoga's
 * result processor would (regular.js: JSON.stringify, 200, the content type only) and kept in
 * the response memo (use-response-memo.ts); a result with errors is handed to yoga as
 * `compiled.result`, so masking, codes and status stay yoga's, with no second execution and no
 * second count against the rate limit.
 */
export interface EarlyOptions {
  /** The request's context as yoga would build it (src/worker.ts). */
  context: GraphContext & { compiled: NonNullable<GraphContext['compiled']> };
  memo: LruCache<string>;
  lookup: { key: string; mediaType: string; body: string };
  url: URL;
}

export type EarlyAnswer = { response: Response } | { result: ExecutionResult };

export async function answerCompiledEarly(request: Request, options: EarlyOptions): Promise<EarlyAnswer | null> {
  const { lookup, context } = options;
  let admitted: Admitted | null;
  try {
    admitted = await admit(request, options);
  } catch {
    // Whatever failed (the rate limiter, say), yoga meets it again and answers it its own way.
    return null;
  }
  if (!admitted) return null;
  if ('refused' in admitted) return { response: admitted.refused };
  const { operation, params, variables } = admitted;
  context.compiled.ran = true;
  const execution = { schema, operation, contextValue: { ...context, request, params }, variableValues: variables, errors: [] };
  const result = await executeCompiled(execution);
  if ('errors' in result) return { result: result as ExecutionResult };
  const text = JSON.stringify(result);
  const response = new Response(text, { status: 200, headers: { 'content-type': `${lookup.mediaType}; charset=utf-8` } });
  rememberAnswer(options.memo, lookup, response, text);
  return { response };
}

type Admitted = { refused: Response } | { operation: LinkedOperation; params: RequestParams; variables: Record<string, unknown> };

/** Steps 1-4 above: null when yoga must answer; the rate limit's 429; or what to execute. */
async function admit(request: Request, { lookup, context, url }: EarlyOptions): Promise<Admitted | null> {
  if (request.headers.get('accept')?.includes('text/html')) return null; // GraphiQL's GET, when on
  const params = requestParams(request.method, request.headers.get('content-type'), url, lookup.body);
  const id = params && persistedId(params);
  const operation = id === null || id === undefined ? undefined : compiledById(id);
  if (!params || !operation) return null;
  if (params.operationName != null && params.operationName !== operation.name) return null;
  const raw = params.variables as Record<string, unknown> | null | undefined;
  const variables = getVariableValues(schema, operation.operation.variableDefinitions ?? [], raw ?? {}, { maxErrors: 50 });
  if (variables.errors) return null;
  const pricing = { defaultPageSize: LIMITS.defaultPageSize, maxPageSize: LIMITS.maxPageSize };
  if (queryCost(schema, operation.document, params.operationName as string | null | undefined, raw, pricing) > LIMITS.maxCost) return null;
  const refused = await rateLimited(request, context.rateLimit);
  return refused ? { refused } : { operation, params, variables: variables.coerced };
}

/**
 * The persisted id of a request that names its operation one way only, as
 * use-trusted-documents.ts reads it: `extensions: {persistedQuery: {version: 1, sha256Hash}}`
 * and nothing else, or a text `documentId` (the persisted documents proposal, `sha256:` prefix
 * or not) or `doc_id` (Relay) with no `extensions` beside it. A request naming it twice is left
 * to yoga: which one wins is the plugin's to say.
 */
function persistedId(params: RequestParams): string | null {
  const named = DOCUMENT_ID_PARAMS.filter((name) => params[name] !== undefined);
  if (named.length > 0) {
    if (named.length > 1 || params.extensions !== undefined || typeof params[named[0]!] !== 'string') return null;
    return persistedOperationId(params as Record<string, unknown>);
  }
  const extensions = params.extensions as Record<string, unknown> | undefined;
  if (!isObject(extensions) || !onlyKeys(extensions, ['persistedQuery'])) return null;
  const persisted = extensions.persistedQuery;
  if (!isObject(persisted) || !onlyKeys(persisted, ['version', 'sha256Hash'])) return null;
  return persistedOperationId(params as Record<string, unknown>);
}

function onlyKeys(object: Record<string, unknown>, allowed: string[]): boolean {
  for (const key in object) if (!allowed.includes(key)) return false;
  return true;
}
