import { env } from 'cloudflare:workers';
import { beforeAll, describe, it } from 'vitest';
import { deliveryChecks } from '../shared/delivery-checks';
import { deliveryWorker } from './delivery-helpers';
import { seedKv } from './helpers';

/**
 * The persisted-operation and caching checks of tests/shared/delivery-checks.ts inside
 * workerd, each with the vars it needs over the test env; tests/e2e/ runs the same list
 * against `wrangler dev`.
 */
beforeAll(seedKv);

describe('delivery checks (workerd)', () => {
  it.each(deliveryChecks)('$name', async ({ needs, run }) => {
    const vars = { ...(env as unknown as Record<string, string>), ...needs };
    await run(deliveryWorker(needs), vars);
  });
});
