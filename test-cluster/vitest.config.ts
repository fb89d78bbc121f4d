import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `npm run test:cluster`: the Slurm and GNU parallel tests (test-cluster/), apart from `npm test`'s
// test/**: they install Debian packages (as root) and start daemons. One file, one fork, no timing
// assertions; generous timeouts (installing Slurm on a fresh machine takes minutes).
// ZHNEWS_TEST_JSON (set by .ci/run) also writes a JSON report, as in ../vitest.config.ts.
const json = process.env.ZHNEWS_TEST_JSON;

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test-cluster/**/*.test.ts'],
    testTimeout: 20 * 60_000,
    hookTimeout: 20 * 60_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    reporters: json ? ['default', 'json'] : ['default'],
    ...(json ? { outputFile: { json } } : {}),
  },
});
