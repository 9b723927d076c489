import { DOCUMENT_ID_PARAMS } from '../plugins/use-trusted-documents';

/**
 * A GraphQL-over-HTTP request's params, read the way yoga reads them, for the requests the
 * early compiled path takes (src/http/compiled-early.ts), or null for any request yoga might
 * read otherwise or refuse: that one goes to yoga, which answers it as it always has.
 *
 *   POST: a content type yoga parses as JSON (graphql-yoga request-parser/post-json.js and
 *         utils.js isContentTypeMatch: the first listed type is `application/json`, with or
 *         without parameters), a body that is a JSON object.
 *   GET:  the query string's `variables` and `extensions` as JSON, `operationName` and the
 *         document ids as text (request-parser/utils.js handleURLSearchParams; with a document
 *         id, use-trusted-documents.ts's parseGetWithDocumentId), each at most once, none empty.
 *
 * Either way, only `variables`, `extensions`, `operationName` and the document ids that
 * src/yoga.ts lets through as `extraParamNames` (`documentId`, `doc_id`; yoga's
 * use-check-graphql-query-params.js refuses other unknown params; a `query` is another path),
 * with `variables` and `extensions` objects or absent. The body is at most memo-hit.ts's
 * MAX_KEY_CHARS, well under yoga's body limit (LIMITS.maxBodyBytes), so never a 413.
 */
export interface RequestParams {
  variables?: unknown;
  extensions?: unknown;
  operationName?: unknown;
  documentId?: unknown;
  doc_id?: unknown;
}

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

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
