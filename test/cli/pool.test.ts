// The worker pool: records in input order, and a worker that dies costs only the document it was on.
// Imported from dist/: the pool starts dist/cli/worker.js beside it (npm test builds first).
import { describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { WorkerPool } from '../../dist/cli/pool.js';
import { DEFAULT_OPTIONS } from '../../dist/pipeline.js';

const docs = ['青岛海关今年上半年监管出口商用车28500余辆。', '李涛在青岛采访。', '“微改革”推动城市更新。', '全区新增就业1.2万人。', '5+5+7政策体系落地。', '山东省青岛市黄岛区开展活动。'].map(
  (text, i) => ({ id: `doc-${i}`, text }),
);

describe('WorkerPool', () => {
  it('answers every document, in any order of completion, with its own record', async () => {
    const pool = new WorkerPool(2, DEFAULT_OPTIONS);
    try {
      const records = await Promise.all(docs.map((d) => pool.run(d)));
      expect(records.map((r) => r.id)).toEqual(docs.map((d) => d.id));
      expect(records.every((r) => !('error' in r))).toBe(true);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('a worker that dies: its current document becomes an error record, the others it held are analysed by its replacement', async () => {
    const pool = new WorkerPool(1, DEFAULT_OPTIONS);
    try {
      const pending = docs.map((d) => pool.run(d));
      const [worker] = (pool as unknown as { workers: Worker[] }).workers;
      await worker!.terminate();
      const records = await Promise.all(pending);
      expect(records.map((r) => r.id)).toEqual(docs.map((d) => d.id));
      const failed = records.filter((r) => 'error' in r);
      expect(failed.map((r) => r.id)).toEqual(['doc-0']);
      expect((failed[0] as { error: string }).error).toMatch(/analysis failed: worker exited/);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
