import { defineConfig } from 'vitest/config';

// `npm run test:libreoffice`: the tests that open zhnews output in LibreOffice (installed by the test
// when missing), kept out of `npm test`. ZHNEWS_TEST_JSON (set by .ci/run) also writes a JSON report,
// from which CI prints its counts, as vitest.config.ts does.
const json = process.env.ZHNEWS_TEST_JSON;

export default defineConfig({
  test: {
    include: ['test/libreoffice/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 900_000,
    pool: 'forks',
    maxWorkers: 1,
    reporters: json ? ['default', 'json'] : ['default'],
    ...(json ? { outputFile: { json } } : {}),
  },
});
