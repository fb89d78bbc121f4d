// The resume journal: `analyze --out FILE --resume` appends each record to FILE as it is finished (in
// input order, one write(2) per record), so a run stopped by Ctrl-C, kill -9 or a crash keeps every
// record it finished, and the next `--resume` goes on from there.
//
// Opening a journal reads FILE once, streamed:
//   - a last line without its line break is torn (the run died inside a write): cut off, redone;
//   - error records are dropped (the file is rewritten without them, atomically) and their documents
//     tried again, so a document that failed for a passing reason (a worker killed, a file not yet
//     readable) gets its record; the retried records come after the kept ones;
//   - every other record counts its id: `done` says how many records of each id are finished, so an
//     input with the same id twice keeps both (the first one finished, the second redone);
//   - a line that is not a zhnews record stops the run (exit 2): FILE is not a journal, and rewriting it
//     would lose someone's data.
// Temporary files left by killed runs on FILE are removed first (output-file.ts: strayTemps).

import { closeSync, constants, createReadStream, fchmodSync, fstatSync, fsyncSync, openSync, renameSync, rmSync, statSync, truncateSync } from 'node:fs';
import { FileSink, OutputError, strayTemps, tempName } from './output-file.js';
import type { OutputRecord } from '../types.js';

export class Journal {
  /** Finished records in FILE, by id: how many of each. */
  readonly done = new Map<string, number>();
  /** Records kept from FILE. */
  kept = 0;
  /** Error records dropped from FILE, to be tried again. */
  retried = 0;
  private sink: FileSink | null = null;

  private constructor(readonly path: string) {}

  /** Reads FILE (see above); `onKept` sees each record kept, in order (the corpus summary of all of FILE). */
  static async open(path: string, onKept: (record: OutputRecord) => void = () => undefined): Promise<Journal> {
    const j = new Journal(path);
    for (const stray of strayTemps(path)) rmSync(stray, { force: true });
    const errorLines = new Set<number>();
    let goodBytes = 0;
    let torn = false;
    let lineNo = 0;
    for await (const { line, ended } of lines(path)) {
      lineNo++;
      if (!ended) {
        torn = true;
        break;
      }
      const record = parseRecord(line);
      if (!record) {
        if (line.toString().trim()) throw new OutputError(`--resume: ${path}:${lineNo} is not a zhnews record; not resuming over a file that is not zhnews JSON Lines output`);
      } else if ('error' in record) {
        errorLines.add(lineNo);
        j.retried++;
      } else {
        j.done.set(record.id, (j.done.get(record.id) ?? 0) + 1);
        j.kept++;
        onKept(record);
      }
      goodBytes += line.length + 1;
    }
    try {
      if (errorLines.size) await rewriteWithout(path, errorLines);
      else if (torn) truncateSync(path, goodBytes);
      // O_NOFOLLOW: a symbolic link planted at the name since the checks is not written through.
      const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o666);
      if (!fstatSync(fd).isFile()) throw new Error('not a regular file');
      j.sink = new FileSink(fd, path);
    } catch (e) {
      throw e instanceof OutputError ? e : new OutputError(`cannot write ${path}: ${(e as Error).message}`);
    }
    return j;
  }

  /** Takes a finished record's line: it is in the file when this returns. */
  write = (chunk: string): void => {
    try {
      this.sink!.write(chunk);
    } catch (e) {
      throw new OutputError(`${(e as Error).message} (the records before are kept: run again with --resume once it can be written)`);
    }
  };

  /** Skips an input item whose record FILE already has (one per record of its id). */
  has(id: string): boolean {
    const n = this.done.get(id);
    if (!n) return false;
    if (n === 1) this.done.delete(id);
    else this.done.set(id, n - 1);
    return true;
  }

  close(): void {
    if (!this.sink) return;
    fsyncSync(this.sink.fd);
    closeSync(this.sink.fd);
    this.sink = null;
  }
}

function parseRecord(line: Buffer): OutputRecord | null {
  try {
    const r = JSON.parse(line.toString('utf8')) as unknown;
    return typeof r === 'object' && r !== null && !Array.isArray(r) && typeof (r as { id?: unknown }).id === 'string' ? (r as OutputRecord) : null;
  } catch {
    return null;
  }
}

/** The lines of a file as bytes (split on LF, without it), each saying whether its LF was there. */
async function* lines(path: string): AsyncGenerator<{ line: Buffer; ended: boolean }> {
  if (!statSync(path, { throwIfNoEntry: false })) return;
  let rest = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = rest.length ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    let from = 0;
    for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a, from)) {
      yield { line: buf.subarray(from, nl), ended: true };
      from = nl + 1;
    }
    rest = Buffer.from(buf.subarray(from));
  }
  if (rest.length) yield { line: rest, ended: false };
}

/** FILE without the given lines (and without a torn tail), replaced atomically, its mode kept. */
async function rewriteWithout(path: string, drop: Set<number>): Promise<void> {
  const tmp = tempName(path);
  const mode = statSync(path).mode & 0o7777;
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    fchmodSync(fd, mode);
    const sink = new FileSink(fd, tmp, 1 << 20);
    let n = 0;
    for await (const { line, ended } of lines(path)) {
      if (!ended) break;
      if (!drop.has(++n)) sink.write(line.toString('utf8') + '\n');
    }
    sink.flush();
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // closed before the rename failed
    }
    rmSync(tmp, { force: true });
    throw e;
  }
}
