import type { RateLimitSettings } from '../config';
import { ErrorCode } from '../errors';
import { errorBody } from './error-codes';

/**
 * Per-client rate limiting with the Workers Rate Limiting binding
 * (https://developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/): a counter
 * per key per period, kept in the Cloudflare location that serves the client. The key is the
 * client's address (`cf-connecting-ip`, which Cloudflare sets on every request it proxies).
 *
 * Over the limit the answer is 429 with `Retry-After` (RFC 6585, section 4) set to the
 * period, and a GraphQL-shaped body with code RATE_LIMITED. One function for every place a
 * request is answered: yoga (src/plugins/use-rate-limit.ts) and the front door's memo and
 * compiled stages (src/front/memo.ts, compiled.ts), each request counted once.
 */
export async function rateLimited(request: Request, settings: RateLimitSettings | undefined): Promise<Response | null> {
  if (!settings) return null;
  const key = request.headers.get('cf-connecting-ip') ?? 'unknown-client';
  const { success } = await settings.limiter.limit({ key });
  if (success) return null;
  return new Response(errorBody(`Too many requests; retry after ${settings.retryAfterSeconds} seconds.`, ErrorCode.RATE_LIMITED), {
    status: 429,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'retry-after': String(settings.retryAfterSeconds),
    },
  });
}
