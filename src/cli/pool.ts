// Parallel analysis on worker threads, results in input order, bounded memory.
//
// Each worker loads the segmenter and models once (about a second and ~350 MB for jieba) and then
// takes one document at a time from a shared queue, so a long document never holds up short ones
// queued behind it on the same worker. `ordered` keeps a bounded window of documents in flight and
// yields their records strictly in input order.

import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../pipeline.js';
import type { InputDocument, OutputRecord } from '../types.js';
import { errorRecord } from '../input/index.js';
import type { WorkerResult, WorkerTask } from './worker.js';

interface Pending {
  task: WorkerTask;
  resolve(r: OutputRecord): void;
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private seq = 0;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly options: AnalyzeOptions,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: this.options });
    w.on('message', (m: WorkerResult) => {
      const p = this.busy.get(w);
      this.busy.delete(w);
      this.idle.push(w);
      p?.resolve(m.record);
      this.pump();
    });
    // A worker that dies takes only its current document with it: that document becomes an error
    // record and a fresh worker takes the dead one's place.
    w.on('error', (e) => this.replace(w, e.message));
    w.on('exit', (code) => {
      if (!this.closed && code !== 0) this.replace(w, `worker exited with code ${code}`);
    });
    return w;
  }

  private replace(w: Worker, reason: string): void {
    const p = this.busy.get(w);
    this.busy.delete(w);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    if (this.closed) return;
    p?.resolve(errorRecord(p.task.id, `analysis failed: ${reason}`));
    this.idle.push(this.spawn());
    this.pump();
  }

  run(doc: InputDocument): Promise<OutputRecord> {
    return new Promise((resolve) => {
      this.queue.push({ task: { ...doc, seq: this.seq++ }, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const p = this.queue.shift()!;
      this.busy.set(w, p);
      w.postMessage(p.task);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }
}

/** Runs `work` on each item with at most `window` in flight; yields results in input order. */
export async function* ordered<T, R>(items: AsyncIterable<T>, work: (item: T) => Promise<R>, window: number): AsyncGenerator<R> {
  const inFlight: Promise<R>[] = [];
  for await (const item of items) {
    inFlight.push(work(item));
    if (inFlight.length >= window) yield await inFlight.shift()!;
  }
  while (inFlight.length) yield await inFlight.shift()!;
}
