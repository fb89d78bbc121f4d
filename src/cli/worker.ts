// A worker thread: loads the pipeline (jieba, models) once, then analyses documents as they come, a
// batch at a time (pipeline.ts: BATCH_DOCS) of those that have arrived.
//   in:  { seq, id, text, encoding?, date?, solo? }     out: { seq, record }

import { parentPort, workerData } from 'node:worker_threads';
import { BATCH_CHARS, BATCH_DOCS, Pipeline, type AnalyzeOptions } from '../pipeline.js';
import { analyseBatch } from './batch.js';
import type { InputDocument, OutputRecord } from '../types.js';
import { HeapKeeper } from './heap.js';

export interface WorkerTask extends InputDocument {
  seq: number;
  /** Analyse it in a batch of its own: a worker died in a batch that held it (pool.ts: replace). */
  solo?: boolean;
}
export interface WorkerResult {
  seq: number;
  record: OutputRecord;
}

const pipeline = new Pipeline(workerData as AnalyzeOptions);
const heap = new HeapKeeper();
const queue: WorkerTask[] = [];
let scheduled = false;

parentPort!.on('message', (task: WorkerTask) => {
  queue.push(task);
  schedule();
});

/**
 * Documents that arrive together are analysed together: the batch starts once the port has delivered
 * what it holds (setImmediate runs after the messages waiting in this turn).
 */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(analyseNext);
}

/** Analyses one batch from the front of the queue; the rest waits for the next turn, after new messages. */
function analyseNext(): void {
  scheduled = false;
  let n = 0;
  let chars = 0;
  if (queue[0]?.solo) n = 1;
  else {
    while (n < queue.length && n < BATCH_DOCS && !queue[n]!.solo && (n === 0 || chars + queue[n]!.text.length <= BATCH_CHARS)) chars += queue[n++]!.text.length;
  }
  const batch = queue.splice(0, n);
  const records = analyseBatch(pipeline, batch);
  batch.forEach((task, i) => {
    parentPort!.postMessage({ seq: task.seq, record: records[i]! } satisfies WorkerResult);
    heap.analysed(Buffer.byteLength(task.text));
  });
  if (queue.length) schedule();
}
