import { defineConfig } from 'vitest/config';
import { suite } from './vitest.shared.js';

// `npm test`: the unit tests. They import the TypeScript sources directly and never spawn the CLI; the
// tests that run the built bin/zhnews.js (or a tool's script) are test/e2e/, `npm run test:e2e`
// (vitest.e2e.config.ts). CI's JSON report and the worker pool: vitest.shared.ts.
export default defineConfig(
  suite({
    include: ['test/**/*.test.ts'],
    // Opening CSV in LibreOffice needs a system package: `npm run test:libreoffice`, its own CI suite.
    exclude: ['**/node_modules/**', 'test/libreoffice/**', 'test/e2e/**'],
    // Generous: a limit is no measurement, and a machine busy with other work must not fail the suite.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two forks is the sweet spot on 2 cores (vitest.shared.ts: why forks).
    maxWorkers: 2,
  }),
);
