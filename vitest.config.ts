import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: pure logic and the build step run in Node; everything that touches the
 * worker runs inside workerd with Miniflare's local KV, seeded from the real build output.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/node/**/*.test.ts'],
        },
      },
      {
        // Rate limiting off: every test request comes from one client; tests that check it
        // pass RATE_LIMIT = "on" themselves.
        plugins: [
          cloudflareTest({ wrangler: { configPath: './wrangler.toml' }, miniflare: { bindings: { RATE_LIMIT: 'off' } } }),
        ],
        test: { name: 'worker', include: ['tests/worker/**/*.test.ts'] },
      },
    ],
  },
});
