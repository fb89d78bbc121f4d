// `zhnews analyze`: read documents, run the pipeline (in-process or on worker threads), write one
// record per document, in input order.

import type { CliIO } from './io.js';
import { drained } from './io.js';
import { AtomicFile, writeFileAtomic } from './output-file.js';
import { Journal } from './journal.js';
import { WorkerPool, ordered } from './pool.js';
import { analyseBatch, documentBatches, textLength } from './batch.js';
import { createProgress } from './progress.js';
import { HeapKeeper } from './heap.js';
import { expandPaths, readDocuments, type ByteSource, type EncodingOption, type InputFormat, type InputItem } from '../input/index.js';
import { shardItems, shardSources, type Shard } from '../input/shard.js';
import { Pipeline, type AnalyzeOptions } from '../pipeline.js';
import { createWriter, type OutputFormat } from '../output/writer.js';
import type { CsvOptions } from '../output/csv.js';
import { isErrorRecord, type OutputRecord } from '../types.js';
import { CorpusSummary } from '../summary/corpus.js';
import { renderSummary } from './summary.js';
import { ReportAggregator } from '../report/aggregate.js';
import { writeReportFile } from './report.js';

export interface AnalyzeRun {
  paths: string[];
  input: {
    format: InputFormat;
    idField: string;
    textField: string;
    dateField: string | undefined;
    titleField?: string | undefined;
    keepFields?: string[];
    encoding: EncodingOption;
    glob: string;
  };
  format: OutputFormat | undefined;
  out: string | undefined;
  resume: boolean;
  jobs: number;
  verbose: boolean;
  pipeline: AnalyzeOptions;
  /** Write the corpus summary of the run to this file. */
  summary: string | undefined;
  /** Write the report page of the run to this file. */
  report: string | undefined;
  /** CSV output: byte-order mark, layers, kept fields' columns, formula guard (also for the summary). */
  csv: CsvOptions;
  /** Analyse only this shard's documents (src/input/shard.ts); null: all of them. */
  shard: Shard | null;
}

/** No input at all (an empty folder, a glob that matches nothing): exit status 2, nothing written. */
export class NoInputError extends Error {}

export async function runAnalyze(run: AnalyzeRun, io: CliIO): Promise<number> {
  let sources: ByteSource[] = [];
  for await (const s of expandPaths(run.paths, run.input.glob, io.readStdin, io.stdinChunks)) sources.push(s);
  // A misspelt --glob or an empty folder in a cron job must fail it, not pass it with nothing done.
  if (!sources.length) throw new NoInputError(`no input files matched ${run.input.glob} in ${run.paths.join(', ')}`);
  // A shard of text files is chosen before anything is read (a file's id is its name); a shard of JSONL
  // or CSV records below, as the records are read. A shard may be empty: its run writes no record.
  const byRecord = run.shard !== null && run.input.format !== 'text';
  if (run.shard && !byRecord) sources = shardSources(sources, run.shard);
  let knownBytes = sources.every((s) => s.size !== undefined) ? sources.reduce((n, s) => n + s.size!, 0) : null;
  // Records are spread evenly over the shards: about 1/N of the bytes are this shard's (for the progress bar).
  if (byRecord && knownBytes !== null) knownBytes = Math.ceil(knownBytes / run.shard!.count);

  // One text document: one JSON object; anything else (and any shard: it is one of several) defaults to JSON Lines.
  const format = run.format ?? (sources.length === 1 && run.input.format === 'text' && !run.shard ? 'json' : 'jsonl');
  const summary = run.summary ? new CorpusSummary() : null;
  const report = run.report ? new ReportAggregator(run.paths.length ? run.paths : ['standard input']) : null;
  // --resume: records go straight into FILE as they finish (journal.ts); else into a temporary file
  // renamed over FILE at the end (output-file.ts). The summary and the report cover the records kept
  // from FILE too.
  const tally = (r: OutputRecord) => {
    summary?.add(r);
    report?.add(r);
  };
  const journal = run.out && run.resume ? await Journal.open(run.out, tally) : null;
  const file = run.out && !run.resume ? new AtomicFile(run.out).open() : null;
  const sink = journal?.write ?? file?.write ?? ((s: string) => void io.stdout.write(s));
  const writer = createWriter(format, sink, run.csv);
  const progress = createProgress(!!io.stderr.isTTY && !run.verbose, knownBytes, process.stderr);

  let items: AsyncIterable<InputItem> = readDocuments(sources, run.input);
  if (byRecord) items = shardItems(items, run.shard!);
  if (journal?.done.size) items = skipDone(items, journal);

  // A single text document gains nothing from workers but their start-up.
  const jobs = sources.length === 1 && run.input.format === 'text' ? 1 : run.jobs;
  const pool = jobs > 1 ? new WorkerPool(jobs, run.pipeline) : null;
  // Standard input may come from a producer that writes a line and waits: its records go out as they are done.
  const live = sources.some((s) => s.name === '-');
  const results = pool
    ? ordered(items, (item) => onPool(pool, item), pool.window, { weight: textLength, maxWeight: pool.windowChars, floor: jobs }, live)
    : inProcess(new Pipeline(run.pipeline), items, live);

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
      if (!run.out) await drained(io.stdout);
      // Files read synchronously and analysed on this thread leave the event loop no turn of its own:
      // give it one every 50 ms, for the progress bar's timer and a Ctrl-C.
      if (Date.now() - lastTurn > 50) {
        await new Promise((resolve) => setImmediate(resolve));
        lastTurn = Date.now();
      }
      tally(record);
      bytes += size;
      progress.tick(size);
      heap.analysed(size);
    }
    writer.close();
    file?.commit();
    journal?.close();
    if (summary) {
      const text = renderSummary(summary.result(), /\.csv$/i.test(run.summary!) ? 'csv' : 'json', !!run.csv.bom, run.csv.formulaGuard !== false);
      if (run.summary === '-') io.stdout.write(text);
      else writeFileAtomic(run.summary!, text);
    }
    if (report) await writeReportFile(run.report!, report.result());
  } catch (e) {
    file?.abort();
    throw e;
  } finally {
    progress.stop();
    await pool?.close();
  }
  if (run.verbose) {
    const secs = progress.seconds;
    io.stderr.write(
      `zhnews: ${progress.docs} documents${failed ? ` (${failed} errors)` : ''}, ${(bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(1)} s` +
        ` (${(bytes / 1e6 / (secs || 1e-3)).toFixed(2)} MB/s), ${jobs} job${jobs > 1 ? 's' : ''}${journal?.kept ? `, ${journal.kept} resumed` : ''}` +
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
async function* inProcess(pipeline: Pipeline, items: AsyncIterable<InputItem>, live: boolean): AsyncGenerator<[OutputRecord, number]> {
  for await (const batch of documentBatches(items, live)) {
    const records = analyseBatch(pipeline, batch);
    for (const [i, item] of batch.entries()) yield [records[i]!, isErrorRecord(item) ? 0 : Buffer.byteLength(item.text)];
  }
}

/** The input items whose record the journal does not have yet. */
async function* skipDone(items: AsyncIterable<InputItem>, journal: Journal): AsyncGenerator<InputItem> {
  for await (const item of items) if (!journal.has(item.id)) yield item;
}
