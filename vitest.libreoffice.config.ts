import { defineConfig } from 'vitest/config';
import { suite } from './vitest.shared.js';

// `npm run test:libreoffice`: the tests that open zhnews output in LibreOffice (installed by the test
// when missing), kept out of `npm test`. CI's JSON report and the worker pool: vitest.shared.ts.
export default defineConfig(
  suite({
    include: ['test/libreoffice/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 900_000,
    maxWorkers: 1,
  }),
);
