// A worker thread: loads the pipeline (jieba, models) once, then analyses documents as they come.
//   in:  { seq, id, text, encoding? }     out: { seq, record }

import { parentPort, workerData } from 'node:worker_threads';
import { Pipeline, type AnalyzeOptions } from '../pipeline.js';
import { errorRecord } from '../input/index.js';
import type { InputDocument, OutputRecord } from '../types.js';
import { HeapKeeper } from './heap.js';

export interface WorkerTask extends InputDocument {
  seq: number;
}
export interface WorkerResult {
  seq: number;
  record: OutputRecord;
}

const pipeline = new Pipeline(workerData as AnalyzeOptions);
const heap = new HeapKeeper();

parentPort!.on('message', (task: WorkerTask) => {
  let record: OutputRecord;
  try {
    record = pipeline.analyze(task.id, task.text, { encoding: task.encoding, date: task.date });
  } catch (e) {
    record = errorRecord(task.id, `analysis failed: ${(e as Error).message}`);
  }
  parentPort!.postMessage({ seq: task.seq, record } satisfies WorkerResult);
  heap.analysed(Buffer.byteLength(task.text));
});
