import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';

/**
 * The error-code policy: every error leaves with an `extensions.code` from the one list in
 * src/errors.ts, whichever path answered (yoga's plugin src/plugins/use-error-codes.ts, or the
 * early compiled stage, src/front/compiled.ts).
 *
 * Codes are set where the error is born when we know its kind there: a failed parse is
 * GRAPHQL_PARSE_FAILED, a failed validation GRAPHQL_VALIDATION_FAILED (unless a limit rule
 * already said QUERY_TOO_COMPLEX). Whatever still has no code when the result is serialized
 * is classified by its HTTP status: a 413 becomes PAYLOAD_TOO_LARGE, another 4xx BAD_REQUEST;
 * anything else is INTERNAL_SERVER_ERROR (and yoga has already masked its message in
 * production). A code another plugin set is kept, except yoga's and graphql-tools' own
 * (RENAMED), which become ours. The contract tests (tests/worker/raw-request.ts) check that
 * every code that reaches a client is one of src/errors.ts.
 */
const KNOWN: ReadonlySet<string> = new Set(Object.values(ErrorCode));
/** yoga's own codes, renamed into ours. */
const RENAMED: Record<string, ErrorCode> = {
  REQUEST_ENTITY_TOO_LARGE: ErrorCode.PAYLOAD_TOO_LARGE,
  // No operation of that name, or several and no name: the request, not the query, is wrong.
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_REQUEST,
};

type ErrorLike = GraphQLError | { message: string; extensions?: Record<string, unknown> };

export function withCode(error: ErrorLike, code: string): ErrorLike {
  return withExtensions(error, { code });
}

/** A copy of the error with more extensions (the executor's are read-only). */
function withExtensions(error: ErrorLike, more: Record<string, unknown>): ErrorLike {
  const extensions = { ...error.extensions, ...more };
  if (!(error instanceof GraphQLError)) return { ...error, extensions };
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions,
  });
}

function classify(error: ErrorLike): string {
  const code = error.extensions?.code;
  if (typeof code === 'string') return RENAMED[code] ?? code;
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  if (status === 413) return ErrorCode.PAYLOAD_TOO_LARGE;
  if (status !== undefined && status >= 400 && status < 500) return ErrorCode.BAD_REQUEST;
  return ErrorCode.INTERNAL_SERVER_ERROR;
}

/** A code of ours, or another plugin's that needs no renaming. */
export const hasCode = (error: ErrorLike) => {
  const code = error.extensions?.code;
  return typeof code === 'string' && (KNOWN.has(code) || !(code in RENAMED));
};
const ensureCode = (error: ErrorLike): ErrorLike => (hasCode(error) ? error : withCode(error, classify(error)));

/**
 * The executor answers an execution it cannot start (a variable of the wrong type, a missing
 * required one) with HTTP 400 and no code. That is a GraphQL request error of a well-formed
 * request: GraphQL-over-HTTP (section "application/json", status codes) says the server SHOULD
 * answer 200 to `Accept: application/json` and MUST answer 4xx to
 * `application/graphql-response+json`; yoga does both when the error is marked `spec`. The
 * client can fix it: BAD_USER_INPUT (as Apollo Server says). Operation-name errors stay 400.
 */
export function asVariableError(error: ErrorLike): ErrorLike {
  const http = error.extensions?.http as { status?: number } | undefined;
  if (http?.status !== 400 || error.extensions?.code === 'OPERATION_RESOLUTION_FAILURE') return error;
  const coded = withCode(error, ErrorCode.BAD_USER_INPUT);
  return withExtensions(coded, { http: { ...http, spec: true } });
}

interface ResultLike {
  errors?: readonly ErrorLike[];
}

export function codeResult<R>(result: R): R {
  if (Array.isArray(result)) return result.map(codeResult) as R;
  const errors = (result as ResultLike | null)?.errors;
  if (!errors?.some((e) => !hasCode(e))) return result;
  return { ...result, errors: errors.map(ensureCode) };
}

/** A GraphQL-shaped body of one error (GraphQL over HTTP): what answers made before yoga carry. */
export const errorBody = (message: string, code: string): string => JSON.stringify({ errors: [{ message, extensions: { code } }] });

/**
 * yoga answers an unsupported content type (415) or Accept header (406) with an empty body;
 * the same status with a GraphQL-shaped body, so every answer of the endpoint has a code.
 */
export function emptyRefusalBody(status: number): string {
  const message =
    status === 415
      ? 'Unsupported content type; send application/json (GraphQL over HTTP).'
      : 'None of the accepted media types is available; accept application/json.';
  return errorBody(message, ErrorCode.BAD_REQUEST);
}

/** A malformed wrangler.toml var: say which, as a GraphQL error, rather than crash. */
export function configurationError(error: Error): Response {
  const body = { errors: [{ message: error.message, extensions: { code: 'CONFIGURATION_ERROR' } }] };
  return Response.json(body, { status: 500, headers: { 'cache-control': 'no-store' } });
}
