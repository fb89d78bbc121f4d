// The process seen by the CLI: streams and environment, injectable so tests run main() in-process.

import { rename, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import type { ByteSource } from '../input.js';

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
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

/** Paths as byte sources; '-' (or no path at all) is standard input, named '-'. */
export function sourcesFor(paths: string[], io: CliIO, fileSource: (p: string) => ByteSource): ByteSource[] {
  if (paths.length === 0) paths = ['-'];
  return paths.map((p) => (p === '-' ? { name: '-', read: () => io.readStdin() } : fileSource(p)));
}

/**
 * Output collected in memory and written to `path` atomically: a temporary file beside it, then a
 * rename, so an interrupted run never leaves half a file under the real name.
 */
export class AtomicFile {
  private chunks: string[] = [];
  constructor(readonly path: string) {}
  write = (chunk: string): void => {
    this.chunks.push(chunk);
  };
  async commit(): Promise<void> {
    const tmp = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.tmp`);
    await writeFile(tmp, this.chunks.join(''));
    await rename(tmp, this.path);
  }
}
