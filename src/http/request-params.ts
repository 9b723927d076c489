import { createGraphQLError } from 'graphql-yoga';
import { ErrorCode } from '../errors';

/**
 * The one reading of a GraphQL-over-HTTP request's params and of the persisted operation id
 * it names, for the front door's early stages and for yoga's trusted-documents plugin alike.
 *
 * `requestParams` reads them the way yoga does, for the requests the early compiled stage
 * takes, or answers null for any request yoga might read otherwise or refuse:
 *   POST: a content type yoga parses as JSON (graphql-yoga request-parser/post-json.js,
 *         isContentTypeMatch: the first listed type is `application/json`), a JSON object body.
 *   GET:  `variables` and `extensions` as JSON, `operationName` and the document ids as text
 *         (request-parser/utils.js handleURLSearchParams; `parseGetWithDocumentId` below), each
 *         at most once, none empty.
 * Either way only `variables`, `extensions`, `operationName` and DOCUMENT_ID_PARAMS (yoga's
 * use-check-graphql-query-params.js refuses other unknown params; a `query` is another path),
 * with `variables` and `extensions` objects or absent.
 */
export interface RequestParams {
  variables?: unknown;
  extensions?: unknown;
  operationName?: unknown;
  documentId?: unknown;
  doc_id?: unknown;
}

/**
 * Params besides the four of GraphQL over HTTP that name a persisted document: `documentId`
 * (the GraphQL-over-HTTP persisted documents proposal) and `doc_id` (Relay's network layers).
 */
export const DOCUMENT_ID_PARAMS = ['documentId', 'doc_id'] as const;

const TEXT_NAMES = new Set<string>(['operationName', ...DOCUMENT_ID_PARAMS]);
const NAMES = new Set<string>(['variables', 'extensions', ...TEXT_NAMES]);

export function requestParams(method: string, contentType: string | null, url: URL, body: string): RequestParams | null {
  let params: Record<string, unknown>;
  if (method === 'POST') {
    if (!isJsonContentType(contentType)) return null;
    const parsed = parseJson(body);
    if (!isObject(parsed)) return null;
    params = parsed;
  } else if (method === 'GET') {
    params = {};
    for (const [name, value] of url.searchParams) {
      if (!NAMES.has(name) || name in params || value === '') return null;
      params[name] = TEXT_NAMES.has(name) ? value : parseJson(value);
      if (params[name] === INVALID) return null;
    }
  } else {
    return null;
  }
  for (const name in params) if (!NAMES.has(name)) return null;
  for (const name of ['variables', 'extensions'] as const) {
    if (params[name] !== undefined && params[name] !== null && !isObject(params[name])) return null;
  }
  if (params.operationName !== undefined && params.operationName !== null && typeof params.operationName !== 'string') return null;
  return params;
}

/**
 * The persisted operation id params name, or null; `sha256:` prefixes are dropped. Apollo's
 * `extensions.persistedQuery {version: 1, sha256Hash}` wins over a document id.
 */
export function persistedOperationId(params: Record<string, unknown>): string | null {
  const persisted = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)
    ?.persistedQuery;
  const id =
    persisted?.version === 1 && typeof persisted.sha256Hash === 'string'
      ? persisted.sha256Hash
      : DOCUMENT_ID_PARAMS.map((name) => params[name]).find((v) => typeof v === 'string');
  return typeof id === 'string' ? id.replace(/^sha256:/, '') : null;
}

/**
 * The persisted id of a request that names its operation one way only: the persisted query
 * extension and nothing else, or one text document id with no `extensions` beside it. A
 * request naming it twice is null: which one wins is the trusted-documents plugin's to say.
 */
export function soleOperationId(params: RequestParams): string | null {
  const named = DOCUMENT_ID_PARAMS.filter((name) => params[name] !== undefined);
  if (named.length > 0) {
    if (named.length > 1 || params.extensions !== undefined || typeof params[named[0]!] !== 'string') return null;
    return persistedOperationId(params as Record<string, unknown>);
  }
  const extensions = params.extensions;
  if (!isObject(extensions) || !onlyKeys(extensions, ['persistedQuery'])) return null;
  const persisted = extensions.persistedQuery;
  if (!isObject(persisted) || !onlyKeys(persisted, ['version', 'sha256Hash'])) return null;
  return persistedOperationId(params as Record<string, unknown>);
}

/** A GET naming a document id, read for yoga, whose own GET parser knows only the four params. */
export function parseGetWithDocumentId(search: URLSearchParams): Record<string, unknown> {
  const json = (name: string) => {
    const text = search.get(name);
    if (!text) return undefined;
    const value = parseJson(text);
    if (value !== INVALID) return value;
    throw createGraphQLError(`\`${name}\` is not valid JSON.`, { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } } });
  };
  const params: Record<string, unknown> = {
    operationName: search.get('operationName') ?? undefined,
    variables: json('variables'),
    extensions: json('extensions'),
  };
  for (const name of DOCUMENT_ID_PARAMS) if (search.has(name)) params[name] = search.get(name);
  return params;
}

/** yoga's isPOSTJsonRequest for `application/json` (not the rarer `application/graphql+json`). */
function isJsonContentType(header: string | null): boolean {
  const first = header?.split(',')[0];
  return first === 'application/json' || first?.startsWith('application/json;') === true;
}

const INVALID = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID;
  }
}

function onlyKeys(object: Record<string, unknown>, allowed: string[]): boolean {
  for (const key in object) if (!allowed.includes(key)) return false;
  return true;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
