import { ErrorCode } from '../../src/errors';

/**
 * What a contract check needs of a response: status, headers, the body as text and JSON.
 * Shared by the workerd tests (tests/worker/) and the end-to-end ones (tests/e2e/): no
 * Workers or Node imports here.
 */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
}

export async function readRaw(response: Response): Promise<RawResponse> {
  const text = await response.text();
  let json: RawResponse['json'];
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const CODES: ReadonlySet<unknown> = new Set(Object.values(ErrorCode));

/**
 * The contract every answer keeps, whatever was sent: no 5xx except the documented 503, a
 * GraphQL response body (`data` and/or a non-empty `errors`), every error with a documented
 * code, and nothing that looks like a stack trace. Returns what is wrong, or [].
 */
export function contractViolations(response: RawResponse): string[] {
  const problems: string[] = [];
  if (response.status >= 500 && response.status !== 503) problems.push(`status ${response.status}`);
  if (/\bat .+\(.*:\d+:\d+\)|\n\s+at /.test(response.text)) problems.push('stack trace in body');
  const body = response.json;
  if (!body || typeof body !== 'object') return [...problems, `body is not JSON: ${response.text.slice(0, 80)}`];
  if (!('data' in body) && !Array.isArray(body.errors)) problems.push('neither data nor errors');
  if (Array.isArray(body.errors) && body.errors.length === 0) problems.push('empty errors list');
  for (const error of body.errors ?? []) {
    if (typeof error.message !== 'string') problems.push('error without message');
    if (!CODES.has(error.extensions?.code)) problems.push(`undocumented code ${String(error.extensions?.code)}`);
  }
  return problems;
}
