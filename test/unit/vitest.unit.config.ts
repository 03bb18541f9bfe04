/**
 * The unit tests alone, without the global setup that builds and serves the sample site:
 * `npx vitest run --config test/unit/vitest.unit.config.ts` for a fast loop on the data half.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    env: { TZ: 'UTC' },
  },
});
