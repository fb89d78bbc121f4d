// The process seen by the CLI: streams and environment, injectable so tests run main() in-process;
// and the output file, written atomically.

import { createReadStream, createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { drained } from '../streams.js';
import { rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  readStdin(): Promise<Buffer>;
  env: Record<string, string | undefined>;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    env: process.env,
  };
}

/** Backpressure for the output (src/streams.ts); the CLI's writers wait on it after every record. */
export { drained };

/** The output file could not be written (no permission, disk full ...): the run stops, exit status 2. */
export class OutputError extends Error {}

/**
 * An output file written atomically: everything goes to a temporary file beside it, renamed over the
 * real name only when the run completes, so an interrupted run never leaves half a file under that name.
 * A write that fails (disk full) fails the commit, and the temporary file is removed.
 */
export class AtomicFile {
  private stream: WriteStream | null = null;
  private failure: Error | null = null;
  readonly tmp: string;

  constructor(readonly path: string) {
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  }

  async open(): Promise<void> {
    const stream = createWriteStream(this.tmp);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (e) => reject(new OutputError(`cannot write ${this.path}: ${e.message}`)));
    });
    stream.on('error', (e) => (this.failure ??= e));
    this.stream = stream;
    // Interrupted: remove the temporary file, leave the real one as it was. Synchronously: an
    // asynchronous removal waited for the analysis loop to yield again, which could be the end of the run.
    process.once('SIGINT', () => {
      this.stream?.destroy();
      rmSync(this.tmp, { force: true });
      process.exit(130);
    });
  }

  write = (chunk: string): void => {
    this.stream!.write(chunk);
  };

  /** Resolves once the file has taken what was written (see drained). */
  drained(): Promise<void> {
    return drained(this.stream);
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve) => this.stream!.end(() => resolve()));
    if (this.failure) {
      await this.abort();
      throw new OutputError(`cannot write ${this.path}: ${this.failure.message}`);
    }
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    this.stream?.destroy();
    await rm(this.tmp, { force: true });
  }
}

/**
 * The lines of a UTF-8 text file, streamed (a records file can be larger than a JavaScript string may
 * be); none for a file that does not exist.
 */
export async function* readLines(path: string): AsyncGenerator<string> {
  const input = createReadStream(path, { encoding: 'utf8' });
  try {
    yield* createInterface({ input, crlfDelay: Infinity });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  } finally {
    input.destroy();
  }
}
