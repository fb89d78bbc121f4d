// What every test suite's vitest config shares: forked workers (nodejieba costs ~1 s and ~350 MB per
// process) and, when .ci/run sets ZHNEWS_TEST_JSON, a JSON report beside the console one, from which
// CI sums the counts of all suites.
import type { ViteUserConfig } from 'vitest/config';

type TestOptions = NonNullable<ViteUserConfig['test']>;

export function suite(test: TestOptions): ViteUserConfig {
  const json = process.env.ZHNEWS_TEST_JSON;
  return {
    test: {
      pool: 'forks',
      reporters: json ? ['default', 'json'] : ['default'],
      ...(json ? { outputFile: { json } } : {}),
      ...test,
    },
  };
}
