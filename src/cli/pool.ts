// Parallel analysis on worker threads, results in input order, bounded memory.
//
// Each worker loads the segmenter and models once (about a second and ~350 MB for jieba) and then
// takes documents from a shared queue, holding at most DEPTH at a time, so that it never waits for the
// main thread between documents and a long document holds up at most a few short ones behind it.
// `ordered` keeps a bounded window of documents in flight and yields their records strictly in input order.

import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../pipeline.js';
import type { InputDocument, OutputRecord } from '../types.js';
import { errorRecord } from '../input/index.js';
import type { WorkerResult, WorkerTask } from './worker.js';

interface Pending {
  task: WorkerTask;
  resolve(r: OutputRecord): void;
}

/**
 * Documents handed to a worker before it has finished the ones it holds. With one at a time the
 * worker waited, after each document, for the main thread to be scheduled and send the next: on two
 * cores shared by two workers and the main thread that wait cost more than the second worker gained.
 */
const DEPTH = 4;

export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Each worker's documents in the order it will answer them (its port delivers them in order). */
  private readonly held = new Map<Worker, Pending[]>();
  private readonly queue: Pending[] = [];
  private seq = 0;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly options: AnalyzeOptions,
  ) {
    for (let i = 0; i < size; i++) this.add(this.spawn());
  }

  private add(w: Worker): void {
    this.workers.push(w);
    this.held.set(w, []);
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: this.options });
    w.on('message', (m: WorkerResult) => {
      // A worker answers in the order it was given documents; matched by number all the same.
      const held = this.held.get(w) ?? [];
      const at = held.findIndex((p) => p.task.seq === m.seq);
      if (at >= 0) held.splice(at, 1)[0]!.resolve(m.record);
      this.pump();
    });
    // A worker that dies takes only its current document with it: that document becomes an error
    // record, the ones it held but had not begun go back to the queue, and a fresh worker takes its place.
    w.on('error', (e) => this.replace(w, e.message));
    // Any exit before close() is a death, code 0 included (a worker stopped before it ran exits with
    // 0): its documents would otherwise wait for an answer forever.
    w.on('exit', (code) => {
      if (!this.closed) this.replace(w, `worker exited with code ${code}`);
    });
    return w;
  }

  private replace(w: Worker, reason: string): void {
    const held = this.held.get(w);
    if (!held) return; // already replaced (error, then exit)
    this.held.delete(w);
    this.workers.splice(this.workers.indexOf(w), 1);
    if (this.closed) return;
    const [current, ...waiting] = held;
    current?.resolve(errorRecord(current.task.id, `analysis failed: ${reason}`));
    this.queue.unshift(...waiting);
    this.add(this.spawn());
    this.pump();
  }

  run(doc: InputDocument): Promise<OutputRecord> {
    return new Promise((resolve) => {
      this.queue.push({ task: { ...doc, seq: this.seq++ }, resolve });
      this.pump();
    });
  }

  /** Hands queued documents to the workers holding the fewest, up to DEPTH each. */
  private pump(): void {
    while (this.queue.length) {
      let best: Worker | null = null;
      for (const w of this.workers) {
        const n = this.held.get(w)!.length;
        if (n < DEPTH && (!best || n < this.held.get(best)!.length)) best = w;
      }
      if (!best) return;
      const p = this.queue.shift()!;
      this.held.get(best)!.push(p);
      best.postMessage(p.task);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
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
