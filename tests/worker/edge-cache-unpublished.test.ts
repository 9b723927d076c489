import { describe, expect, it } from 'vitest';
import { deliveryWorker, persistedGetUrl, SEED_SLUG } from './delivery-helpers';

/** This file's KV is empty (storage is isolated per test file): no data version exists. */
describe('edge cache before any data is published', () => {
  it('answers DATA_UNAVAILABLE, bypasses the cache and forbids keeping the error', async () => {
    const send = deliveryWorker({ ALLOW_ARBITRARY_QUERIES: 'false' });
    for (let i = 0; i < 2; i++) {
      const response = await send(persistedGetUrl('ArticlePage', { slug: SEED_SLUG }));
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code).toBe('DATA_UNAVAILABLE');
      expect(response.headers.get('x-cache')).toBe('BYPASS');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('etag')).toBeNull();
    }
  });
});
