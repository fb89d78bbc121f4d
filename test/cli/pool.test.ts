// The worker pool: records in input order, and a worker that dies costs only a document it dies on alone.
// Imported from dist/: the pool starts dist/cli/worker.js beside it (npm test builds first).
import { describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { WorkerPool, ordered } from '../../dist/cli/pool.js';
import { batches } from '../../dist/cli/batch.js';
import type { DocumentRecord } from '../../src/types.js';
import { DEFAULT_OPTIONS } from '../../dist/pipeline.js';

const docs = ['青岛海关今年上半年监管出口商用车28500余辆。', '李涛在青岛采访。', '“微改革”推动城市更新。', '全区新增就业1.2万人。', '5+5+7政策体系落地。', '山东省青岛市黄岛区开展活动。'].map(
  (text, i) => ({ id: `doc-${i}`, text }),
);

const workersOf = (pool: WorkerPool) => (pool as unknown as { workers: Worker[] }).workers;

/** Polls f every 5 ms until it returns something. */
async function until<T>(f: () => T | undefined): Promise<T> {
  for (;;) {
    const x = f();
    if (x !== undefined) return x;
    await new Promise((r) => setTimeout(r, 5));
  }
}

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
  });

  it('a worker that dies in a batch: every document it held is analysed again, one at a time, none lost', async () => {
    const pool = new WorkerPool(1, DEFAULT_OPTIONS);
    try {
      const pending = docs.map((d) => pool.run(d));
      const [worker] = workersOf(pool);
      await worker!.terminate();
      const records = await Promise.all(pending);
      expect(records.map((r) => r.id)).toEqual(docs.map((d) => d.id));
      expect(records.filter((r) => 'error' in r)).toEqual([]);
      expect((records[1] as DocumentRecord).entities.map((e) => e.text)).toContain('李涛');
    } finally {
      await pool.close();
    }
  });

  it('a document that a worker dies on when it runs alone becomes an error record; the others are analysed', async () => {
    const pool = new WorkerPool(1, DEFAULT_OPTIONS);
    try {
      const pending = docs.map((d) => pool.run(d));
      const [first] = workersOf(pool);
      await first!.terminate();
      // Its documents went back to the queue, each to run alone; the replacement is stopped while it is
      // still loading the pipeline, i.e. on the first of them.
      const second = await until(() => workersOf(pool).find((w) => w !== first));
      await second.terminate();
      const records = await Promise.all(pending);
      expect(records.map((r) => r.id)).toEqual(docs.map((d) => d.id));
      const failed = records.filter((r) => 'error' in r);
      expect(failed.map((r) => r.id)).toEqual(['doc-0']);
      expect((failed[0] as { error: string }).error).toMatch(/analysis failed: worker exited/);
    } finally {
      await pool.close();
    }
  });
});

describe('WorkerPool, long documents', () => {
  it('hands a worker no more text than two batches hold, but always one document', async () => {
    const pool = new WorkerPool(1, DEFAULT_OPTIONS);
    try {
      // 300,000 characters each: a worker takes a second one (it holds less than 2 x 262,144), not a third.
      const long = '青岛西海岸新区推进城市更新。'.repeat(21430);
      for (let i = 0; i < 4; i++) void pool.run({ id: `long-${i}`, text: long });
      const held = (pool as unknown as { held: Map<Worker, unknown[]>; queue: unknown[] });
      expect([...held.held.values()].map((h) => h.length)).toEqual([2]);
      expect(held.queue.length).toBe(2);
    } finally {
      await pool.close();
    }
  });
});


/** A source that yields `first`, then waits until `release()` before yielding `rest` (a producer on stdin). */
function stalled<T>(first: T[], rest: T[]) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  async function* gen(): AsyncGenerator<T> {
    yield* first;
    await gate;
    yield* rest;
  }
  return { items: gen(), release };
}

describe('ordered', () => {
  async function* from<T>(xs: T[]): AsyncGenerator<T> {
    yield* xs;
  }

  it('yields results in input order, with at most `window` in flight and the weight bound kept beyond `floor`', async () => {
    const weights = [5, 5, 5, 50, 1, 1, 1, 1, 9, 9];
    const started: number[] = [];
    let yielded = 0;
    const work = async (w: number) => {
      // What was in flight (started, not yet yielded) when this one started.
      const before = started.slice(yielded);
      const load = before.reduce((a, b) => a + b, 0);
      expect(before.length).toBeLessThan(3);
      expect(load <= 12 || before.length <= 1, `load ${load} with ${before.length} in flight`).toBe(true);
      started.push(w);
      await new Promise((r) => setTimeout(r, 1));
      return `篇${w}`;
    };
    const out: string[] = [];
    for await (const r of ordered(from(weights), work, 3, { weight: (w) => w, maxWeight: 12, floor: 1 })) {
      out.push(r);
      yielded++;
    }
    expect(out).toEqual(weights.map((w) => `篇${w}`));
  });

  it('live: yields finished results while the next item is awaited', async () => {
    const { items, release } = stalled(['青岛', '黄岛'], ['胶州']);
    const it = ordered(items, async (w) => `${w}市`, 8, undefined, true)[Symbol.asyncIterator]();
    // Without this the first results waited for the window to fill or the source to end.
    expect((await it.next()).value).toBe('青岛市');
    expect((await it.next()).value).toBe('黄岛市');
    release();
    expect((await it.next()).value).toBe('胶州市');
    expect((await it.next()).done).toBe(true);
  });
});

describe('batches', () => {
  async function* from<T>(xs: T[]): AsyncGenerator<T> {
    yield* xs;
  }
  const collect = async <T>(it: AsyncIterable<T[]>) => {
    const out: T[][] = [];
    for await (const b of it) out.push(b);
    return out;
  };

  it('groups items in order, by count and by weight; a heavy item makes a group of its own', async () => {
    const words = ['新区', '青岛', '海关今年上半年', '出口', '商用车', '二万八千五百余辆', '李涛'];
    expect(await collect(batches(from(words), 3, 100, (w) => w.length))).toEqual([['新区', '青岛', '海关今年上半年'], ['出口', '商用车', '二万八千五百余辆'], ['李涛']]);
    expect(await collect(batches(from(words), 10, 6, (w) => w.length))).toEqual([['新区', '青岛'], ['海关今年上半年'], ['出口', '商用车'], ['二万八千五百余辆'], ['李涛']]);
    expect(await collect(batches(from([]), 3, 10, () => 1))).toEqual([]);
  });

  it('live: ends a group when the next item is not there yet (a producer that waits)', async () => {
    const { items, release } = stalled(['新区', '青岛'], ['海关']);
    const it = batches(items, 10, 100, (w) => w.length, true)[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual(['新区', '青岛']);
    release();
    expect((await it.next()).value).toEqual(['海关']);
    expect((await it.next()).done).toBe(true);
  });
});
