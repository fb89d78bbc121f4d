// CSV writer: one row per annotation, stable columns, for spreadsheets and pandas.
//
//   id, article, kind, type, text, start, end, value, unit
//
// kind is document (only with --date-field: value is the document's date) | article | entity | figure |
// slogan | keyword | error. `article` is the index of the article whose span holds the annotation
// (empty when none). For an article row, text is its title; for a keyword, value is its weight; for an
// error, text is the message.

import { stringify } from 'csv-stringify/sync';
import type { DocumentRecord, OutputRecord } from '../types.js';
import { isErrorRecord } from '../types.js';
import type { RecordWriter, Sink } from './writer.js';
import { BOM, neutralizeCell } from './csv-safe.js';

export const CSV_COLUMNS = ['id', 'article', 'kind', 'type', 'text', 'start', 'end', 'value', 'unit'] as const;
type Cell = string | number | null;
type Row = Record<(typeof CSV_COLUMNS)[number], Cell>;

export class CsvWriter implements RecordWriter {
  private headerDone = false;

  constructor(
    private readonly sink: Sink,
    bom = false,
  ) {
    if (bom) sink(BOM);
  }

  write(record: OutputRecord): void {
    const rows = csvRows(record).map(safeRow);
    const out = stringify(rows, { header: !this.headerDone, columns: [...CSV_COLUMNS], cast: { number: String } });
    // With no rows csv-stringify writes nothing, not even the header: keep it for the next record.
    if (rows.length) this.headerDone = true;
    this.sink(out);
  }

  close(): void {
    if (!this.headerDone) this.sink(CSV_COLUMNS.join(',') + '\n');
  }
}

function safeRow(r: Row): Row {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, neutralizeCell(v)])) as Row;
}

export function csvRows(record: OutputRecord): Row[] {
  const row = (r: Partial<Row>): Row => ({
    id: record.id, article: null, kind: null, type: null, text: null, start: null, end: null, value: null, unit: null, ...r,
  });
  if (isErrorRecord(record)) return [row({ kind: 'error', text: record.error })];
  const doc: DocumentRecord = record;
  const articleOf = (start: number, end: number): number | null => {
    const i = doc.articles.findIndex((a) => a.start <= start && end <= a.end);
    return i >= 0 ? i : null;
  };
  const rows: Row[] = [];
  // The document's own date (--date-field), when it has one: a row of its own, so the columns stay fixed.
  if (doc.date) rows.push(row({ kind: 'document', value: doc.date }));
  doc.articles.forEach((a, i) => rows.push(row({ article: i, kind: 'article', text: a.title, start: a.start, end: a.end, value: a.dateline })));
  for (const e of doc.entities) rows.push(row({ article: articleOf(e.start, e.end), kind: 'entity', type: e.type, text: e.text, start: e.start, end: e.end }));
  for (const f of doc.figures) rows.push(row({ article: articleOf(f.start, f.end), kind: 'figure', type: f.type, text: f.text, start: f.start, end: f.end, value: f.value, unit: f.unit }));
  for (const s of doc.slogans) rows.push(row({ article: articleOf(s.start, s.end), kind: 'slogan', type: s.kind, text: s.text, start: s.start, end: s.end, value: s.canonical }));
  for (const k of doc.keywords) rows.push(row({ kind: 'keyword', text: k.word, value: k.weight }));
  return rows;
}
