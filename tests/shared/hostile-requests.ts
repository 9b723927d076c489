import { documentRequests } from './hostile-documents';
import { httpRequests } from './hostile-http-requests';
import { persistedRequests } from './hostile-persisted';
import { valueRequests } from './hostile-values';

export { ARTICLE, q, type Case } from './hostile-case';

/**
 * Hostile requests, one row each: what is sent, and the status and error code it must get.
 * One table for the workerd tests (tests/worker/hostile-requests.test.ts) and the real
 * `wrangler dev` server (tests/e2e/hostile-requests.test.ts). Every row also keeps the
 * contract of raw-response.ts (no 5xx, no stack trace, a GraphQL body, documented codes).
 */

/** Every row, by concept: the HTTP request, the GraphQL document, the values, persisted operations. */
export const hostileRequests = [...httpRequests, ...documentRequests, ...valueRequests, ...persistedRequests];
