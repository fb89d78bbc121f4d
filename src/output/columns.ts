// The CSV table of a record, derived from the record's JSON Schema (record.schema.json, generated from
// src/types.ts), so that a field added to the record reaches the CSV without being listed here again.
//
// Every array of objects in the document (articles, entities, figures, slogans, keywords, tokens) is a
// layer; each of its items is one row, `kind` naming the item's definition (entity, figure, …). Each
// scalar field of an item is a column of the same name, with these rules:
//   - a field that may be a number or a string (figure value, low, high) is split in two, so that every
//     column has one type: numbers in `value`, `low`, `high`; ISO dates and other strings in `normalized`,
//     `low_normalized`, `high_normalized`;
//   - a list of strings (titles, reporters) is one cell, its items joined by " | ";
//   - RENAMES puts fields that mean the same thing in the same column (a slogan's kind is its type, a
//     keyword's word its text and its weight its value, a canonical form is `normalized`);
//   - SKIPPED fields are not annotations (an article's paragraphs: the text itself).
// Each row also carries the document's id and date, the index and title of the article whose span holds
// it, and the fields kept from the input (--keep-fields). A document has one row of kind `document`.
//   {type:'range', text:'2.5%至3.5%', value:null, low:2.5, high:3.5} -> kind figure, type range, low 2.5, high 3.5
//   {type:'date', text:'5月8日', value:'--05-08'}                   -> kind figure, type date, normalized --05-08

import type { DocumentRecord, OutputRecord } from '../types.js';
import { isErrorRecord } from '../types.js';
import { RECORD_SCHEMA, SchemaReader, type SchemaNode } from './schema.js';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** Columns every row has, first, in this order. */
const HEAD = ['id', 'kind', 'article', 'article_title', 'date', 'type', 'text', 'start', 'end', 'value', 'normalized', 'unit'] as const;
/** `definition.field` -> column, where the field means what another layer's column means. */
const RENAMES: Record<string, string> = {
  'document.date': 'date',
  'article.title': 'text',
  'article.date': 'normalized',
  'slogan.kind': 'type',
  'slogan.canonical': 'normalized',
  'keyword.word': 'text',
  'keyword.weight': 'value',
};
// entity.rules: written only with --explain, so not a column (the CSV stays the same either way).
const SKIPPED = new Set(['document.id', 'document.schemaVersion', 'document.meta', 'article.paragraphs', 'entity.rules']);
/** Where the string values of a field that may also be a number go. */
const normalizedOf = (column: string) => (column === 'value' ? 'normalized' : `${column}_normalized`);
/** Separator of a list of strings in one cell. */
export const LIST_SEPARATOR = ' | ';

type ColumnType = 'number' | 'text' | 'boolean';
interface FieldRule {
  field: string;
  /** Column of a number, a boolean or a text (or of the numbers, for a number-or-string field). */
  column: string;
  /** For a field that may be a number or a string: the column of its strings. */
  textColumn?: string;
  list?: boolean;
}
interface LayerRule {
  /** The document's property: 'entities'. */
  layer: string;
  /** The item's definition, the rows' kind: 'entity'. */
  kind: string;
  fields: FieldRule[];
}

/** The CSV layout of a record schema: its row rules, its columns and their types. */
export interface CsvSchema {
  rules: LayerRule[];
  /** Every column a record's rows can fill, in the order written (head first, then by layer, in schema order). */
  columns: string[];
  types: Map<string, ColumnType>;
}

/** The CSV layout of a record schema (record.schema.json, or one extended in a test). */
export function csvSchemaOf(schema: object): CsvSchema {
  const reader = new SchemaReader(schema);
  const resolve = (node: SchemaNode) => reader.resolve(node);
  const typesOf = (node: SchemaNode): string[] => {
    const n = resolve(node);
    if (n.type) return Array.isArray(n.type) ? n.type : [n.type];
    if (n.enum) return [...new Set(n.enum.map((v) => (v === null ? 'null' : typeof v)))];
    return [];
  };
  const types = new Map<string, ColumnType>(HEAD.map((c) => [c, c === 'article' || c === 'start' || c === 'end' || c === 'value' ? 'number' : 'text']));
  /** The column of a field, registered with its type; a column given two types is a bug, caught at load. */
  const claim = (column: string, type: ColumnType, where: string): string => {
    const had = types.get(column);
    if (had && had !== type) throw new Error(`CSV column "${column}" would hold ${had} and ${type} (${where})`);
    types.set(column, type);
    return column;
  };
  const fieldRules = (kind: string, node: SchemaNode): FieldRule[] => {
    const rules: FieldRule[] = [];
    for (const [field, prop] of reader.propertiesOf(node)) {
      const key = `${kind}.${field}`;
      if (SKIPPED.has(key)) continue;
      const column = RENAMES[key] ?? field;
      const t = typesOf(prop).filter((x) => x !== 'null');
      if (t.includes('array')) {
        const items = resolve(resolve(prop).items ?? {});
        if (typesOf(items).includes('string')) rules.push({ field, column: claim(column, 'text', key), list: true });
      } else if (t.includes('number') || t.includes('integer')) {
        const rule: FieldRule = { field, column: claim(column, 'number', key) };
        if (t.includes('string')) rule.textColumn = claim(normalizedOf(column), 'text', key);
        rules.push(rule);
      } else if (t.includes('boolean')) {
        rules.push({ field, column: claim(column, 'boolean', key) });
      } else if (t.includes('string')) {
        rules.push({ field, column: claim(column, 'text', key) });
      }
    }
    return rules;
  };
  // The document's own row, then one rule per layer of the document, in the schema's order.
  const rules: LayerRule[] = [
    { layer: 'documents', kind: 'document', fields: fieldRules('document', reader.defs.document!) },
    ...reader.layers().map(({ layer, kind }) => ({ layer, kind, fields: fieldRules(kind, resolve(reader.defs[kind]!)) })),
  ];
  const columns = [...new Set([...HEAD, ...rules.flatMap((r) => r.fields.flatMap((f) => (f.textColumn ? [f.column, f.textColumn] : [f.column])))])];
  return { rules, columns, types };
}

const RECORD_CSV = csvSchemaOf(RECORD_SCHEMA);

/** The layers a CSV can hold: documents, articles, entities, figures, slogans, keywords, tokens. */
export const CSV_LAYERS: readonly string[] = RECORD_CSV.rules.map((r) => r.layer);
/** Layers written when none are chosen: all (a record has tokens only when they were asked for). */
export const DEFAULT_CSV_LAYERS: readonly string[] = CSV_LAYERS;
/** Every column a record's rows can fill, in the order written. */
export const RECORD_COLUMNS: readonly string[] = RECORD_CSV.columns;

/** The type of each column (number, text or boolean). */
export function columnType(column: string): ColumnType | undefined {
  return RECORD_CSV.types.get(column);
}

/** What a CSV table holds: which layers, which kept input fields, and so which columns. */
export interface CsvTable {
  schema: CsvSchema;
  layers: readonly string[];
  /** --keep-fields, as named: each a column (prefixed `meta.` where it would take a record column's name). */
  keep: readonly string[];
  columns: string[];
  /** Input field -> its column. */
  keepColumns: Map<string, string>;
}

export function csvTable(layers?: readonly string[], keep: readonly string[] = [], schema: CsvSchema = RECORD_CSV): CsvTable {
  const chosen = layers ?? schema.rules.map((r) => r.layer);
  const used = new Set<string>(HEAD);
  for (const r of schema.rules) if (chosen.includes(r.layer)) for (const f of r.fields) [f.column, f.textColumn].forEach((c) => c && used.add(c));
  const columns = schema.columns.filter((c) => used.has(c));
  const keepColumns = new Map(keep.map((k) => [k, schema.columns.includes(k) ? `meta.${k}` : k]));
  return { schema, layers: chosen, keep, columns: [...columns, ...keepColumns.values()], keepColumns };
}

function cellsOf(rule: LayerRule, item: Record<string, unknown>, row: Row): void {
  for (const f of rule.fields) {
    const v = item[f.field];
    if (v === undefined || v === null) continue;
    if (f.list) {
      if (Array.isArray(v) && v.length) row[f.column] = v.join(LIST_SEPARATOR);
    } else if (typeof v === 'number' || typeof v === 'boolean') row[f.column] = v;
    else if (typeof v === 'string') row[f.textColumn ?? f.column] = v;
  }
}

/** A kept input field's value as one cell: scalars as they are, lists and objects as JSON. */
function keptCell(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** The rows of one record, each with every column of the table (null where it has no value). */
export function csvRows(record: OutputRecord, table: CsvTable = csvTable()): Row[] {
  const blank = (): Row => Object.fromEntries(table.columns.map((c) => [c, null]));
  if (isErrorRecord(record)) return [{ ...blank(), id: record.id, kind: 'error', text: record.error }];
  const doc: DocumentRecord = record;
  const common = blank();
  common.id = doc.id;
  common.date = doc.date ?? null;
  for (const [field, column] of table.keepColumns) common[column] = keptCell(doc.meta?.[field]);
  const articleOf = (start: number, end: number): number => doc.articles.findIndex((a) => a.start <= start && end <= a.end);
  const rows: Row[] = [];
  for (const rule of table.schema.rules) {
    if (!table.layers.includes(rule.layer)) continue;
    const items: unknown[] = rule.kind === 'document' ? [doc] : ((doc as unknown as Record<string, unknown>)[rule.layer] as unknown[] | undefined) ?? [];
    items.forEach((item, i) => {
      const row: Row = { ...common, kind: rule.kind };
      cellsOf(rule, item as Record<string, unknown>, row);
      const span = item as { start?: unknown; end?: unknown };
      const article = rule.layer === 'articles' ? i : typeof span.start === 'number' && typeof span.end === 'number' ? articleOf(span.start, span.end) : -1;
      if (article >= 0) {
        row.article = article;
        row.article_title = doc.articles[article]!.title;
      }
      rows.push(row);
    });
  }
  return rows;
}
