import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: pure logic and the build step run in Node; everything that touches the
 * worker runs inside workerd with Miniflare's local KV, seeded from the real build output;
 * and end to end, HTTP against the real `wrangler dev` (tests/e2e/global-setup.ts starts it).
 */
export default defineConfig({
  test: {
    // The worker's request log (src/front/observe.ts: every failed request, and the worker tests
    // send thousands on purpose) would bury the report; tests/worker/observability.test.ts reads
    // the lines it checks from console.log itself.
    onConsoleLog: (log: string) => !log.startsWith('{"event":"request"'),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // Some tests run the build step as a child process (tests/node/build-data.test.ts):
          // seconds each on a busy two-core CI machine, over vitest's default of 5.
          testTimeout: 30_000,
          include: ['src/**/*.test.ts', 'tools/**/*.test.ts', 'bench/**/*.test.ts', 'tests/node/**/*.test.ts'],
        },
      },
      {
        // Tests send their own queries, as `npm start` allows; tests/worker/persisted-*.test.ts
        // check the production setting (persisted operations only) with an env of their own.
        // Rate limiting off: every test request comes from one client; tests/worker/rate-limit.test.ts
        // passes RATE_LIMIT = "on" itself.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: { ALLOW_ARBITRARY_QUERIES: 'true', RATE_LIMIT: 'off' },
              // wrangler.toml's limiter, and a small one (same period) so that the rate-limit
              // test reaches the limit in a few requests whatever the machine's load: with 600
              // a window, a slow machine could cross into the next window before the 601st.
              ratelimits: {
                RATE_LIMITER: { simple: { limit: 600, period: 60 } },
                TEST_RATE_LIMITER: { simple: { limit: 12, period: 60 } },
              },
            },
          }),
        ],
        // Each worker test sends dozens of requests through workerd: seconds on a busy two-core
        // CI machine, over vitest's default of 5; a beforeAll that builds and publishes data, more.
        test: { name: 'worker', include: ['tests/worker/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Starting wrangler dev and seeding its KV takes seconds, not milliseconds.
          hookTimeout: 120_000,
          testTimeout: 60_000,
          // After the node and worker projects (group 0), so three servers do not compete
          // with them for the CI machine's two cores.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
