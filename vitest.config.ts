import { defineConfig } from 'vitest/config';

// Tests import the TypeScript sources directly; the end-to-end tests run the built bin/zhnews.js.
// ZHNEWS_TEST_JSON (set by .ci/run) also writes a JSON report, from which CI prints its counts.
const json = process.env.ZHNEWS_TEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Opening CSV in LibreOffice needs a system package: `npm run test:libreoffice`, its own CI suite.
    exclude: ['**/node_modules/**', 'test/libreoffice/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // nodejieba costs ~1 s and ~350 MB per process; two forks is the sweet spot on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    reporters: json ? ['default', 'json'] : ['default'],
    ...(json ? { outputFile: { json } } : {}),
  },
});
