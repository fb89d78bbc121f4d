import { defineConfig } from 'vitest/config';
import { suite } from '../vitest.shared.js';
import { fileURLToPath } from 'node:url';

// `npm run test:cluster`: the Slurm and GNU parallel tests (test-cluster/), apart from `npm test`'s
// test/**: they install Debian packages (as root) and start daemons. One file, one fork, no timing
// assertions; generous timeouts (installing Slurm on a fresh machine takes minutes).
// CI's JSON report and the worker pool: vitest.shared.ts.
export default defineConfig(
  suite({
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test-cluster/**/*.test.ts'],
    testTimeout: 20 * 60_000,
    hookTimeout: 20 * 60_000,
    maxWorkers: 1,
    fileParallelism: false,
  }),
);
