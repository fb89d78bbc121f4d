// Parallel analysis on worker threads, results in input order, bounded memory.
//
// Each worker loads the segmenter and models once (about a second and ~350 MB for jieba) and then
// takes documents from a shared queue, holding at most DEPTH at a time, and analyses those it holds a
// batch at a time (pipeline.ts: BATCH_DOCS) while the main thread sends it the next ones.
// `ordered` keeps a bounded window of documents in flight and yields their records strictly in input order.

import { Worker } from 'node:worker_threads';
import { BATCH_CHARS, BATCH_DOCS, type AnalyzeOptions } from '../pipeline.js';
import type { InputDocument, OutputRecord } from '../types.js';
import { errorRecord } from '../input/index.js';
import type { WorkerResult, WorkerTask } from './worker.js';

interface Pending {
  task: WorkerTask;
  resolve(r: OutputRecord): void;
}

/**
 * Documents handed to a worker before it has finished the ones it holds: two batches, so that it has
 * the next batch while the main thread takes the records of the last and sends more. (With one
 * document at a time the worker waited, after each, for the main thread to be scheduled: on two cores
 * shared by two workers and the main thread that wait cost more than the second worker gained.)
 */
const DEPTH = 2 * BATCH_DOCS;
/**
 * ... and at most this many characters of text (but always one document): long documents make batches
 * of their own, and sixteen 50 MB files held per worker would be gigabytes.
 */
const DEPTH_CHARS = 2 * BATCH_CHARS;

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
    // A worker that dies is replaced, and the documents it held go back to the queue (replace()).
    w.on('error', (e) => this.replace(w, e.message));
    // Any exit before close() is a death, code 0 included (a worker stopped before it ran exits with
    // 0): its documents would otherwise wait for an answer forever.
    w.on('exit', (code) => {
      if (!this.closed) this.replace(w, `worker exited with code ${code}`);
    });
    return w;
  }

  /**
   * A worker died. A worker answers in order, so the first document it held was in the batch it was on:
   * if that document was alone (solo), it is the one that killed it and becomes an error record;
   * otherwise every document it held goes back to the front of the queue, solo, so that one that kills
   * a worker again is known and no other is lost with it.
   */
  private replace(w: Worker, reason: string): void {
    const held = this.held.get(w);
    if (!held) return; // already replaced (error, then exit)
    this.held.delete(w);
    this.workers.splice(this.workers.indexOf(w), 1);
    if (this.closed) return;
    const [current, ...waiting] = held;
    if (current?.task.solo) current.resolve(errorRecord(current.task.id, `analysis failed: ${reason}`));
    else if (current) waiting.unshift(current);
    for (const p of waiting) p.task.solo = true;
    this.queue.unshift(...waiting);
    this.add(this.spawn());
    this.pump();
  }

  /** Documents to keep in flight so that no worker waits for the next (for `ordered`). */
  get window(): number {
    return this.size * DEPTH;
  }

  /** Characters of text to keep in flight at most, beyond one document per worker (for `ordered`). */
  get windowChars(): number {
    return this.size * DEPTH_CHARS;
  }

  run(doc: InputDocument): Promise<OutputRecord> {
    return new Promise((resolve) => {
      this.queue.push({ task: { ...doc, seq: this.seq++ }, resolve });
      this.pump();
    });
  }

  /** Hands queued documents to the workers holding the fewest, up to DEPTH (and DEPTH_CHARS) each. */
  private pump(): void {
    while (this.queue.length) {
      let best: Worker | null = null;
      for (const w of this.workers) {
        const held = this.held.get(w)!;
        const n = held.length;
        const full = n >= DEPTH || (n > 0 && held.reduce((c, p) => c + p.task.text.length, 0) >= DEPTH_CHARS);
        if (!full && (!best || n < this.held.get(best)!.length)) best = w;
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

/**
 * Runs `work` on each item with at most `window` in flight, and no more than `maxWeight` of their
 * `weight` once `floor` are in flight; yields results in input order. `live` (standard input): each
 * result goes out as soon as it and those before it are done, also while the next item is awaited
 * from a producer that waits (files do not need the race of each item against the head, nor pay for it).
 */
export async function* ordered<T, R>(
  items: AsyncIterable<T>,
  work: (item: T) => Promise<R>,
  window: number,
  weigh: { weight: (item: T) => number; maxWeight: number; floor: number } = { weight: () => 0, maxWeight: Infinity, floor: 1 },
  live = false,
): AsyncGenerator<R> {
  const inFlight: [Promise<R>, number][] = [];
  let total = 0;
  const next = async (): Promise<R> => {
    const [result, w] = inFlight.shift()!;
    total -= w;
    return result;
  };
  const source = items[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<T>> | null = source.next();
  const HEAD = Symbol('head');
  while (pending) {
    if (inFlight.length >= window || (total > weigh.maxWeight && inFlight.length > weigh.floor)) {
      yield await next();
      continue;
    }
    const head = live ? inFlight[0]?.[0] : undefined;
    const got = head ? await Promise.race([pending, head.then(() => HEAD)]) : await pending;
    if (got === HEAD) {
      yield await next();
      continue;
    }
    const r = got as IteratorResult<T>;
    if (r.done) {
      pending = null;
      break;
    }
    pending = source.next();
    const w = weigh.weight(r.value);
    inFlight.push([work(r.value), w]);
    total += w;
  }
  while (inFlight.length) yield await next();
}
