// CSV writer: one row per annotation, for spreadsheets and pandas. The columns come from the record's
// definition (columns.ts): id, kind, article, article_title, date, type, text, start, end, value,
// normalized, unit, then the fields of each layer (titles, norm, approx, low, high, indicator, …) and the
// fields kept from the input. kind is document | article | entity | figure | slogan | keyword | token |
// error; every column holds one type (numbers in value/low/high, ISO dates and canonical forms in
// normalized). Text cells are guarded against formulas (csv-safe.ts) unless the guard is switched off.

import { stringify } from 'csv-stringify/sync';
import type { OutputRecord } from '../types.js';
import type { RecordWriter, Sink } from './record-writer.js';
import { BOM, neutralizeCell } from './csv-safe.js';
import { csvRows, csvTable, type CsvTable, type Row } from './columns.js';

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, for Excel. */
  bom?: boolean;
  /** Layers to write (documents, articles, entities, …); default all. */
  layers?: readonly string[];
  /** Input fields carried in each record's `meta` (--keep-fields): a column each. */
  keep?: readonly string[];
  /** Neutralise formula-looking text cells (default true). */
  formulaGuard?: boolean;
}

export class CsvWriter implements RecordWriter {
  private headerDone = false;
  private readonly table: CsvTable;
  private readonly guard: boolean;

  constructor(
    private readonly sink: Sink,
    options: CsvOptions = {},
  ) {
    if (options.bom) sink(BOM);
    this.table = csvTable(options.layers, options.keep);
    this.guard = options.formulaGuard !== false;
  }

  write(record: OutputRecord): void {
    const rows = csvRows(record, this.table);
    const out = stringify(this.guard ? rows.map(safeRow) : rows, {
      header: !this.headerDone,
      columns: this.table.columns,
      cast: { number: String, boolean: (b) => (b ? 'true' : 'false') },
    });
    // With no rows csv-stringify writes nothing, not even the header: keep it for the next record.
    if (rows.length) this.headerDone = true;
    this.sink(out);
  }

  close(): void {
    if (!this.headerDone) this.sink(stringify([this.table.columns]));
  }
}

/** The row with its cells guarded, in place (the rows are fresh from csvRows). */
function safeRow(r: Row): Row {
  for (const k in r) r[k] = neutralizeCell(r[k]!);
  return r;
}
