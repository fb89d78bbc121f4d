// The process seen by the CLI: streams and environment, injectable so tests run main() in-process;
// and the output file, written atomically.

import { createWriteStream, type WriteStream } from 'node:fs';
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

/**
 * An output file written atomically: everything goes to a temporary file beside it, renamed over the
 * real name only when the run completes, so an interrupted run never leaves half a file under that name.
 * The file starts with `head` (the records kept by --resume).
 */
export class AtomicFile {
  private stream: WriteStream | null = null;
  readonly tmp: string;

  constructor(readonly path: string) {
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  }

  async open(head = ''): Promise<void> {
    this.stream = createWriteStream(this.tmp);
    if (head) this.stream.write(head);
    // Interrupted: remove the temporary file, leave the real one as it was.
    process.once('SIGINT', () => this.abort().finally(() => process.exit(130)));
  }

  write = (chunk: string): void => {
    this.stream!.write(chunk);
  };

  async commit(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.stream!.end((e?: Error | null) => (e ? reject(e) : resolve())));
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    this.stream?.destroy();
    await rm(this.tmp, { force: true });
  }
}
