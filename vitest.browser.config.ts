import { defineConfig } from 'vitest/config';
import { suite } from './vitest.shared.js';

// Tests that drive a real browser (Debian's chromium through playwright-core): `npm run test:browser`.
// Kept out of `npm test`, whose machine may have no chromium; .ci/run installs it and runs both.
// CI's JSON report and the worker pool: vitest.shared.ts.
export default defineConfig(
  suite({
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
  }),
);
