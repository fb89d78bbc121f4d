// Backpressure on Node streams, shared by the input readers and the CLI's output.

import type { Writable } from 'node:stream';

/**
 * Waits while `stream` holds more unwritten data than its high-water mark (a slow disk, a slow reader of
 * a pipe, a parser whose rows are not taken yet). Without it a run whose loop never yields to the event
 * loop — in-process analysis of files read synchronously — kept its whole output in memory until the end
 * (9.8 MB for 7 MB of input). A stream that fails or closes instead never drains: then it returns (the
 * failure is the stream owner's to report).
 */
export async function drained(stream: unknown): Promise<void> {
  const s = stream as Partial<Writable> | null | undefined;
  if (!s?.writableNeedDrain || s.destroyed || typeof s.once !== 'function') return;
  const w = s as Writable;
  await new Promise<void>((resolve) => {
    const done = () => {
      for (const event of ['drain', 'error', 'close'] as const) w.off(event, done);
      resolve();
    };
    for (const event of ['drain', 'error', 'close'] as const) w.once(event, done);
  });
}
