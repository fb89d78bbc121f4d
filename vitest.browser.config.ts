import { defineConfig } from 'vitest/config';

// Tests that drive a real browser (Debian's chromium through playwright-core): `npm run test:browser`.
// Kept out of `npm test`, whose machine may have no chromium; .ci/run installs it and runs both.
// ZHNEWS_TEST_JSON (set by .ci/run) also writes a JSON report, as in vitest.config.ts.
const json = process.env.ZHNEWS_TEST_JSON;

export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    reporters: json ? ['default', 'json'] : ['default'],
    ...(json ? { outputFile: { json } } : {}),
  },
});
