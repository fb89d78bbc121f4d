// Output writers: one interface, three formats. Writers know records, not how they were made.

import type { RecordWriter, Sink } from './record-writer.js';
import { JsonWriter, JsonlWriter } from './json.js';
import { CsvWriter, type CsvOptions } from './csv.js';

export const OUTPUT_FORMATS = ['json', 'jsonl', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export type { RecordWriter, Sink };

/** Options of the CSV writer (bom, layers, keep, formulaGuard); the JSON writers take none. */
export type WriterOptions = CsvOptions;

export function createWriter(format: OutputFormat, sink: Sink, options: WriterOptions = {}): RecordWriter {
  switch (format) {
    case 'json':
      return new JsonWriter(sink);
    case 'jsonl':
      return new JsonlWriter(sink);
    case 'csv':
      return new CsvWriter(sink, options);
  }
}
