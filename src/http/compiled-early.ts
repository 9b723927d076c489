import { getVariableValues, Kind, type ExecutionResult } from 'graphql';
import { executeCompiled } from '../graph/compiled/execute';
import type { LinkedOperation } from '../graph/compiled/link';
import { compiledById } from '../graph/compiled/linked-operations';
import type { GraphContext } from '../graph/context';
import { schema } from '../graph/schema';
import { LIMITS } from '../limits';
import { DOCUMENT_ID_PARAMS, persistedOperationId } from '../plugins/use-trusted-documents';
import { queryCost } from '../query-rules/query-cost';
import type { LruCache } from '../store/lru-cache';
import { keepAnswer, plainAnswer } from './memo-hit';
import type { RequestFacts } from './request-facts';
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
  facts: RequestFacts;
  /** Makes the 200's response from its text and media type (as memo-hit.ts MemoOptions.respond). */
  respond?: (text: string, mediaType: string) => Response;
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
  // A 200 of the negotiated media type: what the hit path sends, so kept without asking the response.
  keepAnswer(options.memo, lookup.key, text);
  return { response: (options.respond ?? plainAnswer)(text, lookup.mediaType) };
}

type Admitted = { refused: Response } | { operation: LinkedOperation; params: RequestParams; variables: Record<string, unknown> };

/** Steps 1-4 above: null when yoga must answer; the rate limit's 429; or what to execute. */
async function admit(request: Request, { lookup, context, facts }: EarlyOptions): Promise<Admitted | null> {
  if (request.headers.get('accept')?.includes('text/html')) return null; // GraphiQL's GET, when on
  const params = requestParams(facts.method, request.headers.get('content-type'), facts.url, lookup.body);
  const id = params && persistedId(params);
  const operation = id === null || id === undefined ? undefined : compiledById(id);
  if (!params || !operation) return null;
  if (params.operationName != null && params.operationName !== operation.name) return null;
  const raw = params.variables as Record<string, unknown> | null | undefined;
  const variables = getVariableValues(schema, operation.operation.variableDefinitions ?? [], raw ?? {}, { maxErrors: 50 });
  if (variables.errors) return null;
  if (!withinCostWhateverVariables(operation) && queryCost(schema, operation.document, params.operationName as string | null | undefined, raw, PRICING) > LIMITS.maxCost) return null;
  const refused = await rateLimited(request, context.rateLimit);
  return refused ? { refused } : { operation, params, variables: variables.coerced };
}

const PRICING = { defaultPageSize: LIMITS.defaultPageSize, maxPageSize: LIMITS.maxPageSize };
/** Per compiled operation (a dozen, linked once per isolate): whether its cost is bounded by LIMITS.maxCost. */
const boundedCost = new WeakMap<LinkedOperation, boolean>();

/**
 * Whether no variables can price this operation over LIMITS.maxCost (use-cost-limit.ts), so
 * that it need not be priced per request (queryCost walked the document on every request of
 * the early path). Priced once with each variable at its most costly: a list variable of
 * maxPageSize items, any other variable maxPageSize. query-cost.ts's multiplier of a field is
 * a clamped page size, the default page size (at most the maximum), a clamped list length, or
 * 1, and the cost grows with every multiplier, so that price bounds every request's.
 */
export function withinCostWhateverVariables(operation: LinkedOperation): boolean {
  let bounded = boundedCost.get(operation);
  if (bounded !== undefined) return bounded;
  const worst: Record<string, unknown> = {};
  for (const definition of operation.operation.variableDefinitions ?? []) {
    const type = definition.type.kind === Kind.NON_NULL_TYPE ? definition.type.type : definition.type;
    worst[definition.variable.name.value] = type.kind === Kind.LIST_TYPE ? new Array(PRICING.maxPageSize).fill(null) : PRICING.maxPageSize;
  }
  bounded = PRICING.defaultPageSize <= PRICING.maxPageSize && queryCost(schema, operation.document, operation.name, worst, PRICING) <= LIMITS.maxCost;
  boundedCost.set(operation, bounded);
  return bounded;
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
