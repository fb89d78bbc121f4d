import { defineConfig } from 'vitest/config';

// `npm test`: the unit tests. They import the TypeScript sources directly and never spawn the CLI; the
// tests that run the built bin/zhnews.js (or a tool's script) are test/e2e/, `npm run test:e2e`
// (vitest.e2e.config.ts). ZHNEWS_TEST_JSON (set by .ci/run) also writes a JSON report, from which CI
// prints its counts.
const json = process.env.ZHNEWS_TEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Opening CSV in LibreOffice needs a system package: `npm run test:libreoffice`, its own CI suite.
    exclude: ['**/node_modules/**', 'test/libreoffice/**', 'test/e2e/**'],
    // Generous: a limit is no measurement, and a machine busy with other work must not fail the suite.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // nodejieba costs ~1 s and ~350 MB per process; two forks is the sweet spot on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    reporters: json ? ['default', 'json'] : ['default'],
    ...(json ? { outputFile: { json } } : {}),
  },
});
