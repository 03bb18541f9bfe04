/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Two projects: `unit` runs in seconds with no site build (`npx vitest run --project unit`);
// `site` builds the sample site once (global setup) and drives it in headless Chromium. Both
// first recompile the commands in .build/ if a source changed (scripts/compile.mjs).
export default getViteConfig({
  // Built sites and benchmark data (tmp/bench holds 100,000s of files after a 50-region build)
  // are no source: watching them runs out of the system's file watchers.
  server: { watch: { ignored: ['**/tmp/**', '**/dist/**', '**/.build/**'] } },
  test: {
    testTimeout: 60_000,
    // Two files at a time (Vitest's default on 2 cores is one): most of a browser or build test's
    // time is spent waiting on Chromium or a build in another process, which the other file fills.
    maxWorkers: 2,
    hookTimeout: 300_000,
    env: { TZ: 'UTC' },
    projects: [
      // Unit files share their worker's modules (isolate: false): each file imported them anew, a
      // quarter of the unit run's CPU. So a file that changes process.env puts it back, and
      // src/site/'s caches are keyed by the published folder they read (memo.ts, facts.ts).
      {
        extends: true,
        test: { name: 'unit', isolate: false, include: ['test/unit/**/*.test.ts'], globalSetup: ['test/support/compiled.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/compiled.ts', 'test/support/global-setup.ts'],
        },
      },
    ],
  },
});
