import type { Plugin } from 'graphql-yoga';
import type { RateLimitSettings } from '../config';
import { rateLimited } from '../http/rate-limit';

/**
 * The per-client rate limit (src/http/rate-limit.ts) in yoga, first of all plugins: over the
 * limit, the 429 is sent before any parsing is done.
 */
export function useRateLimit(): Plugin {
  return {
    async onRequest({ request, serverContext, endResponse }) {
      const settings = (serverContext as { rateLimit?: RateLimitSettings } | undefined)?.rateLimit;
      const refused = await rateLimited(request, settings);
      if (refused) endResponse(refused);
    },
  };
}
