// `zhnews analyze`: read documents, run the pipeline (in-process or on worker threads), write one
// record per document, in input order.

import type { CliIO } from './io.js';
import { AtomicFile, drained, readLines } from './io.js';
import { WorkerPool, ordered } from './pool.js';
import { analyseBatch, documentBatches, textLength } from './batch.js';
import { createProgress } from './progress.js';
import { HeapKeeper } from './heap.js';
import { expandPaths, readDocuments, type ByteSource, type EncodingOption, type InputFormat, type InputItem } from '../input/index.js';
import { shardItems, shardSources, type Shard } from '../input/shard.js';
import { Pipeline, type AnalyzeOptions } from '../pipeline.js';
import { createWriter, type OutputFormat } from '../output/writer.js';
import { isErrorRecord, type OutputRecord } from '../types.js';
import { CorpusSummary } from '../summary/corpus.js';
import { writeSummaryFile } from './summary.js';

export interface AnalyzeRun {
  paths: string[];
  input: { format: InputFormat; idField: string; textField: string; dateField: string | undefined; encoding: EncodingOption; glob: string };
  format: OutputFormat | undefined;
  out: string | undefined;
  resume: boolean;
  jobs: number;
  verbose: boolean;
  pipeline: AnalyzeOptions;
  /** Write the corpus summary of the run to this file. */
  summary: string | undefined;
  /** CSV output starts with a byte-order mark. */
  bom: boolean;
  /** Analyse only this shard's documents (src/input/shard.ts); null: all of them. */
  shard: Shard | null;
}

export async function runAnalyze(run: AnalyzeRun, io: CliIO): Promise<number> {
  let sources: ByteSource[] = [];
  for await (const s of expandPaths(run.paths, run.input.glob, io.readStdin)) sources.push(s);
  // A shard of text files is chosen before anything is read (a file's id is its name); a shard of JSONL
  // or CSV records below, as the records are read.
  const byRecord = run.shard !== null && run.input.format !== 'text';
  if (run.shard && !byRecord) sources = shardSources(sources, run.shard);
  let knownBytes = sources.every((s) => s.size !== undefined) ? sources.reduce((n, s) => n + s.size!, 0) : null;
  // Records are spread evenly over the shards: about 1/N of the bytes are this shard's (for the progress bar).
  if (byRecord && knownBytes !== null) knownBytes = Math.ceil(knownBytes / run.shard!.count);

  // One text document: one JSON object; anything else (and any shard: it is one of several) defaults to JSON Lines.
  const format = run.format ?? (sources.length === 1 && run.input.format === 'text' && !run.shard ? 'json' : 'jsonl');
  const file = run.out ? new AtomicFile(run.out) : null;
  await file?.open();
  const done = run.resume && file ? await carryOver(file) : new Set<string>();
  const writer = createWriter(format, file ? file.write : (s) => io.stdout.write(s), { bom: run.bom });
  const summary = run.summary ? new CorpusSummary() : null;
  const progress = createProgress(!!io.stderr.isTTY && !run.verbose, knownBytes, process.stderr);

  let items: AsyncIterable<InputItem> = readDocuments(sources, run.input);
  if (byRecord) items = shardItems(items, run.shard!);
  if (done.size) items = skipIds(items, done);

  // A single text document gains nothing from workers but their start-up.
  const jobs = sources.length === 1 && run.input.format === 'text' ? 1 : run.jobs;
  const pool = jobs > 1 ? new WorkerPool(jobs, run.pipeline) : null;
  const results = pool
    ? ordered(items, (item) => onPool(pool, item), pool.window, { weight: textLength, maxWeight: pool.windowChars, floor: jobs })
    : inProcess(new Pipeline(run.pipeline), items);

  let failed = 0;
  let bytes = 0;
  // In-process, this thread does the analysis; with workers, it still receives and writes every record.
  const heap = new HeapKeeper();
  let lastTurn = Date.now();
  try {
    for await (const [record, size] of results) {
      if (isErrorRecord(record)) {
        failed++;
        io.stderr.write(`zhnews: ${record.id}: ${record.error}\n`);
      }
      writer.write(record);
      await (file ? file.drained() : drained(io.stdout));
      // Files read synchronously and analysed on this thread leave the event loop no turn of its own:
      // give it one every 50 ms, for the progress bar's timer and a Ctrl-C.
      if (Date.now() - lastTurn > 50) {
        await new Promise((resolve) => setImmediate(resolve));
        lastTurn = Date.now();
      }
      summary?.add(record);
      bytes += size;
      progress.tick(size);
      heap.analysed(size);
    }
    writer.close();
    await file?.commit();
    if (summary) await writeSummaryFile(run.summary!, summary.result(), run.bom);
  } finally {
    progress.stop();
    await pool?.close();
  }
  if (run.verbose) {
    const secs = progress.seconds;
    io.stderr.write(
      `zhnews: ${progress.docs} documents${failed ? ` (${failed} errors)` : ''}, ${(bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(1)} s` +
        ` (${(bytes / 1e6 / (secs || 1e-3)).toFixed(2)} MB/s), ${jobs} job${jobs > 1 ? 's' : ''}${done.size ? `, ${done.size} resumed` : ''}` +
        `, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
    );
  }
  return failed ? 1 : 0;
}

/** A record per input item, on a worker of the pool, with the size of its text. */
async function onPool(pool: WorkerPool, item: InputItem): Promise<[OutputRecord, number]> {
  if (isErrorRecord(item)) return [item, 0];
  return [await pool.run(item), Buffer.byteLength(item.text)];
}

/**
 * A record per input item, analysed on this thread a batch at a time (the pipeline runs each stage over
 * a batch before the next: BATCH_DOCS), with the size of its text.
 */
async function* inProcess(pipeline: Pipeline, items: AsyncIterable<InputItem>): AsyncGenerator<[OutputRecord, number]> {
  for await (const batch of documentBatches(items)) {
    const records = analyseBatch(pipeline, batch);
    for (const [i, item] of batch.entries()) yield [records[i]!, isErrorRecord(item) ? 0 : Buffer.byteLength(item.text)];
  }
}

/**
 * Copies the records of the earlier JSON Lines output at the file's path into it (for --resume), line by
 * line, and returns their ids. A torn last line from a crash is not a record: it is dropped and its
 * document analysed again.
 */
async function carryOver(file: AtomicFile): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const line of readLines(file.path)) {
    if (!line.trim()) continue;
    let id: unknown;
    try {
      id = (JSON.parse(line) as { id?: unknown }).id;
    } catch {
      continue;
    }
    if (typeof id !== 'string') continue;
    ids.add(id);
    file.write(line + '\n');
    await file.drained();
  }
  return ids;
}

async function* skipIds(items: AsyncIterable<InputItem>, ids: Set<string>): AsyncGenerator<InputItem> {
  for await (const item of items) if (!ids.has(item.id)) yield item;
}
