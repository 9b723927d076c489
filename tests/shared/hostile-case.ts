import { postJson, type RawResponse } from './raw-response';

/**
 * One row of the hostile-request table (hostile-requests.ts): what is sent, and the status and
 * error code it must get; and the helpers the rows are written with.
 */
export interface Case {
  name: string;
  request: RequestInit & { path?: string };
  status: number;
  code?: string;
  /**
   * Vars over the tests' own (arbitrary queries allowed, rate limit off): the workerd test
   * binds them; the end-to-end suite runs the row against the servers whose vars match.
   */
  bindings?: Readonly<Record<string, string>>;
  /** Extra checks of the answer. */
  check?: (response: RawResponse) => void;
}

export const q = (query: string, variables?: unknown, extra: Record<string, unknown> = {}) =>
  postJson({ query, variables, ...extra });
export const ARTICLE = 'putin-to-visit-north-korea-next-week';
