// The interface every output format implements, apart from the factory (writer.ts) that picks one, so
// that a format imports only this and the factory imports the formats.

import type { OutputRecord } from '../types.js';

/** Where text goes (stdout, a file, a test buffer). */
export type Sink = (chunk: string) => void;

export interface RecordWriter {
  write(record: OutputRecord): void;
  /** Flushes what is buffered; no write may follow. */
  close(): void;
}
