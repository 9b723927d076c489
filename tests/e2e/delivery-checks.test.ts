import { describe, inject, it } from 'vitest';
import { deliveryChecks } from '../shared/delivery-checks';
import { matches } from './servers';

/**
 * The persisted-operation and caching checks the workerd tests run
 * (tests/shared/delivery-checks.ts), against every real `wrangler dev` server whose vars hold
 * what the check needs. Each server has its own fresh state, so its edge cache starts empty.
 */
describe.each(inject('servers'))('delivery checks against wrangler dev ($name)', ({ origin, vars }) => {
  const checks = deliveryChecks.filter((check) => matches(vars, check.needs));
  it.each(checks)('$name', async ({ run }) => {
    await run((path, init) => fetch(`${origin}${path}`, init), vars);
  });
});
