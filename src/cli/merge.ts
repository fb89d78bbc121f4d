// `zhnews merge`: the JSON Lines outputs of `analyze --shard I/N` runs -> the output of one run.
//
// Order: records sorted by id, compared as JavaScript compares strings (UTF-16 code units: the order
// `analyze` walks a directory in, so for a directory the merged file is byte for byte the file one run
// writes); records of the same id (an export that repeats an id) keep the order of their shard, which
// is the order of the input: an id always falls in one shard (src/input/shard.ts). An id found in two
// shard files is an error (shards of two different runs, or one file given twice): the first file's
// records are kept, the others reported.
//
//   shard-0.jsonl: b, d        shard-1.jsonl: a, c, c'   ->   a, b, c, c', d
//
// Lines are copied as they are (JSON Lines output), so a merged record is the very line its shard run
// wrote. Memory stays bounded: a shard already in id order (the shards of a directory) is read as it is
// stream by stream; one that is not (the shards of a JSONL export, in the export's order) is first
// sorted in chunks of CHUNK_BYTES written beside the output, and the chunks are merged.

import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { AtomicFile, OutputError, drained, readLines, type CliIO } from './io.js';
import { HeapKeeper } from './heap.js';
import { writeSummaryFile } from './summary.js';
import { createWriter, type OutputFormat } from '../output/writer.js';
import { CorpusSummary } from '../summary/corpus.js';
import type { OutputRecord } from '../types.js';

export interface MergeRun {
  /** The shards' JSON Lines outputs, each an existing file. */
  paths: string[];
  format: OutputFormat;
  out: string | undefined;
  summary: string | undefined;
  bom: boolean;
  /** Bytes of records sorted in memory at a time for a shard not in id order (tests make it small). */
  chunkBytes?: number;
  /** Sorted runs read at once (tests make it small). */
  fanIn?: number;
}

/** A shard not in id order is sorted in chunks of about this many bytes of records. */
export const CHUNK_BYTES = 64 * 1024 * 1024;
/** At most this many sorted chunks are read at once; more are merged into fewer first. */
export const FAN_IN = 128;

/** A record line and what it is sorted by. */
interface RecordLine {
  id: string;
  line: string;
  record: OutputRecord;
}

export async function runMerge(run: MergeRun, io: CliIO): Promise<number> {
  let bad = 0;
  const report = (message: string) => {
    io.stderr.write(`zhnews: ${message}\n`);
    bad++;
  };
  const file = run.out ? new AtomicFile(run.out) : null;
  // Sorted chunks go to a folder beside the output (where there is room for it), made when first needed.
  let scratch: string | null = null;
  const scratchDir = async () => {
    const beside = run.out ? dirname(resolve(run.out)) : tmpdir();
    return (scratch ??= await mkdtemp(join(beside, '.zhnews-merge-')).catch((e: Error) => {
      throw new OutputError(`cannot make a folder for sorting in ${beside}: ${e.message}`);
    }));
  };
  try {
    // Each shard as runs in id order: the file itself, or its sorted chunks.
    const runs: string[][] = [];
    for (const path of run.paths) {
      runs.push((await inIdOrder(path, report)) ? [path] : await sortedChunks(path, await scratchDir(), run.chunkBytes ?? CHUNK_BYTES));
    }
    await file?.open();
    const sink = file ? file.write : (s: string) => io.stdout.write(s);
    const writer = run.format === 'jsonl' ? null : createWriter(run.format, sink, { bom: run.bom });
    const summary = run.summary ? new CorpusSummary() : null;
    let last: { id: string; shard: number } | null = null;
    // Every line is parsed and dropped: without a full collection now and then V8 let the garbage grow
    // the process to 260 MB over 590 MB of shards in id order (170 MB with one every 16 MB of text).
    const heap = new HeapKeeper(16e6);
    for await (const { id, line, record, shard } of mergeRuns(runs, scratchDir, run.fanIn ?? FAN_IN)) {
      if (last && last.id === id && last.shard !== shard) {
        report(`${run.paths[shard]}: id ${JSON.stringify(id)} is also in ${run.paths[last.shard]} (an id belongs to one shard: shards of two runs?); skipped`);
        continue;
      }
      last = { id, shard };
      if (writer) writer.write(record);
      else sink(line + '\n');
      summary?.add(record);
      heap.analysed(line.length);
      if (!file) await drained(io.stdout); // a file is written synchronously
    }
    writer?.close();
    await file?.commit();
    if (summary) await writeSummaryFile(run.summary!, summary.result(), run.bom);
  } finally {
    await file?.abort();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
  return bad ? 1 : 0;
}

/** The records of a JSON Lines file, in file order; a line that is not a record goes to `bad` ("file:LINE: why"). */
async function* recordLines(path: string, bad?: (message: string) => void): AsyncGenerator<RecordLine> {
  let n = 0;
  for await (const line of readLines(path)) {
    n++;
    if (!line.trim()) continue;
    let record: OutputRecord;
    try {
      record = JSON.parse(line) as OutputRecord;
    } catch (e) {
      bad?.(`${path}:${n}: not JSON (a torn line?): ${(e as Error).message}`);
      continue;
    }
    if (typeof record !== 'object' || record === null || typeof record.id !== 'string') {
      bad?.(`${path}:${n}: not a zhnews record (no string id)`);
      continue;
    }
    yield { id: record.id, line, record };
  }
}

/** Whether a file's records are in id order (equal ids side by side count as in order); reports its bad lines. */
async function inIdOrder(path: string, bad: (message: string) => void): Promise<boolean> {
  let sorted = true;
  let previous: string | null = null;
  for await (const { id } of recordLines(path, bad)) {
    if (previous !== null && id < previous) sorted = false;
    previous = id;
  }
  return sorted;
}

/**
 * A file's records as sorted chunk files in `dir`, each of about `chunkBytes` of records, in file order:
 * a stable sort, so records of one id keep their order within a chunk, and chunks are merged in order.
 */
async function sortedChunks(path: string, dir: string, chunkBytes: number): Promise<string[]> {
  const chunks: string[] = [];
  let held: { id: string; line: string }[] = [];
  let heldBytes = 0;
  // A collection twice a chunk: 590 MB of shards out of id order peaked at 460 MB without, 290 MB with.
  const heap = new HeapKeeper(chunkBytes / 2);
  const spill = async () => {
    held.sort((a, b) => compareIds(a.id, b.id));
    const name = join(dir, `run-${++scratchFiles}.jsonl`);
    await writeLines(name, held.map((r) => r.line));
    chunks.push(name);
    held = [];
    heldBytes = 0;
  };
  for await (const { id, line } of recordLines(path)) {
    held.push({ id, line });
    heldBytes += line.length * 2;
    heap.analysed(line.length * 2);
    if (heldBytes >= chunkBytes) await spill();
  }
  if (held.length || chunks.length === 0) await spill();
  return chunks;
}

async function writeLines(path: string, lines: Iterable<string> | AsyncIterable<string>): Promise<void> {
  const out: WriteStream = createWriteStream(path);
  let failure: Error | null = null;
  out.on('error', (e) => (failure ??= e));
  for await (const line of lines) {
    out.write(line + '\n');
    await drained(out);
    if (failure) break;
  }
  await new Promise<void>((done) => out.end(() => done()));
  // A full disk: exit status 2, as for --out (the scratch folder is removed on the way out).
  if (failure) throw new OutputError(`cannot write ${path}: ${(failure as Error).message}`);
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Names of the files in a merge's scratch folder. */
let scratchFiles = 0;

/**
 * The records of every shard's runs (each in id order) in one sequence: by id, then shard, then run, so
 * equal ids keep the order they had in their shard. More than `fanIn` runs in all: the runs of the
 * shards with most of them are first merged, `fanIn` at a time, into files in the scratch folder.
 */
async function* mergeRuns(shards: string[][], scratchDir: () => Promise<string>, fanIn: number): AsyncGenerator<RecordLine & { shard: number }> {
  let total = shards.reduce((n, r) => n + r.length, 0);
  fanIn = Math.max(2, fanIn);
  while (total > fanIn) {
    const widest = shards.reduce((w, r, i) => (r.length > shards[w]!.length ? i : w), 0);
    const runs = shards[widest]!;
    if (runs.length === 1) break; // one run per shard: as few as it gets
    const fewer: string[] = [];
    for (let i = 0; i < runs.length; i += fanIn) {
      const group = runs.slice(i, i + fanIn);
      if (group.length === 1) {
        fewer.push(group[0]!);
        continue;
      }
      const dir = await scratchDir();
      const name = join(dir, `run-${++scratchFiles}.jsonl`);
      await writeLines(name, linesOf(mergeRuns([group], scratchDir, fanIn)));
      for (const g of group) if (g.startsWith(dir)) await rm(g, { force: true });
      fewer.push(name);
    }
    total -= runs.length - fewer.length;
    shards[widest] = fewer;
  }

  const heads = new MinHeap<{ r: RecordLine; shard: number; run: number; rest: AsyncGenerator<RecordLine> }>(
    (a, b) => compareIds(a.r.id, b.r.id) || a.shard - b.shard || a.run - b.run,
  );
  const open: AsyncGenerator<RecordLine>[] = [];
  try {
    for (const [shard, runs] of shards.entries()) {
      for (const [run, path] of runs.entries()) {
        const rest = recordLines(path);
        open.push(rest);
        const first = await rest.next();
        if (!first.done) heads.push({ r: first.value, shard, run, rest });
      }
    }
    for (let head = heads.pop(); head; head = heads.pop()) {
      yield { ...head.r, shard: head.shard };
      const next = await head.rest.next();
      if (!next.done) heads.push({ ...head, r: next.value });
    }
  } finally {
    for (const rest of open) await rest.return(undefined);
  }
}

async function* linesOf(records: AsyncIterable<RecordLine>): AsyncGenerator<string> {
  for await (const r of records) yield r.line;
}

/** A binary min-heap under `before` (negative: a comes first). */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => number) {}

  push(item: T): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.before(a[i]!, a[parent]!) >= 0) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    if (a.length <= 1) return a.pop();
    const top = a[0];
    a[0] = a.pop()!;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && this.before(a[l]!, a[m]!) < 0) m = l;
      if (r < a.length && this.before(a[r]!, a[m]!) < 0) m = r;
      if (m === i) break;
      [a[i], a[m]] = [a[m]!, a[i]!];
      i = m;
    }
    return top;
  }
}
