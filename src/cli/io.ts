// The process seen by the CLI: streams and environment, injectable so tests run main() in-process;
// the lines of a records file.

import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { drained } from '../streams.js';

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  readStdin(): Promise<Buffer>;
  /** Standard input as it comes (JSON Lines is analysed line by line while a producer still writes). */
  stdinChunks?(): AsyncIterable<Buffer>;
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
    stdinChunks: () => process.stdin,
    env: process.env,
  };
}

/** Backpressure for the output (src/streams.ts); the CLI's writers wait on it after every record. */
export { drained };

/** Output files (checks, the atomic file, the sink): output-file.ts. */
export { AtomicFile, OutputError } from './output-file.js';

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

/**
 * Every non-blank line of the records files `paths` ('-': standard input), in order, to `take`; a
 * line `take` throws on is reported as `zhnews: PATH:LINE: why` (`why(error)`), a file that cannot be
 * read as `zhnews: PATH: cannot read: CODE`, and the run goes on. Returns how many were reported.
 * Shared by `summary` and `report`, which read the records `analyze` wrote.
 */
export async function forEachRecordLine(
  paths: readonly string[],
  io: CliIO,
  take: (line: string) => void,
  why: (e: unknown) => string,
): Promise<number> {
  let bad = 0;
  for (const p of paths) {
    // A records file is read line by line: an archive's records can outgrow any one string.
    let i = 0;
    try {
      if (p !== '-') await access(p);
      const lines = p === '-' ? (await io.readStdin()).toString('utf8').split('\n') : readLines(p);
      for await (const line of lines) {
        i++;
        if (!line.trim()) continue;
        try {
          take(line);
        } catch (e) {
          io.stderr.write(`zhnews: ${p}:${i}: ${why(e)}\n`);
          bad++;
        }
      }
    } catch (e) {
      io.stderr.write(`zhnews: ${p}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      bad++;
    }
  }
  return bad;
}
