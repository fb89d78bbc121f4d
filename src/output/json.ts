// JSON and JSON Lines writers.
//
// JSON: one document is written as one pretty-printed object; two or more as an array of objects.
// The first record is held back until the second arrives (or the end), so the choice needs no count.

import type { OutputRecord } from '../types.js';
import type { RecordWriter, Sink } from './record-writer.js';

export class JsonlWriter implements RecordWriter {
  constructor(private readonly sink: Sink) {}
  write(record: OutputRecord): void {
    this.sink(JSON.stringify(record) + '\n');
  }
  close(): void {}
}

export class JsonWriter implements RecordWriter {
  private held: OutputRecord | null = null;
  private count = 0;

  constructor(private readonly sink: Sink) {}

  write(record: OutputRecord): void {
    this.count++;
    if (this.count === 1) {
      this.held = record;
      return;
    }
    if (this.count === 2) {
      this.sink('[\n' + indent(this.held!));
      this.held = null;
    }
    this.sink(',\n' + indent(record));
  }

  close(): void {
    if (this.count === 0) this.sink('[]\n');
    else if (this.count === 1) this.sink(JSON.stringify(this.held, null, 2) + '\n');
    else this.sink('\n]\n');
  }
}

function indent(record: OutputRecord): string {
  return JSON.stringify(record, null, 2).replace(/^/gm, '  ');
}
