import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the end-to-end tests (test/e2e/), which spawn the built bin/zhnews.js and the
// training tool, apart from `npm test`'s unit tests. No timing assertions; generous limits, as a spawned
// run on a busy machine may take minutes. ZHNEWS_TEST_JSON (set by .ci/run) also writes a JSON report,
// as in vitest.config.ts.
const json = process.env.ZHNEWS_TEST_JSON;

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: json ? ['default', 'json'] : ['default'],
    ...(json ? { outputFile: { json } } : {}),
  },
});
