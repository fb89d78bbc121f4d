import { defineConfig } from 'vitest/config';
import { suite } from './vitest.shared.js';

// `npm run test:e2e`: the end-to-end tests (test/e2e/), which spawn the built bin/zhnews.js and the
// training tool, apart from `npm test`'s unit tests. No timing assertions; generous limits, as a spawned
// run on a busy machine may take minutes. CI's JSON report and the worker pool: vitest.shared.ts.
export default defineConfig(
  suite({
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    maxWorkers: 2,
  }),
);
