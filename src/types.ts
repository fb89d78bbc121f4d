// The data model of zhnews, in one place.
//
// Every annotation is a span [start, end) in Unicode code points of the ORIGINAL input text of its
// document (end exclusive), so `[...raw].slice(start, end)` (JS) or `raw[start:end]` (Python) is its
// source. A span may cover line breaks or letter-spacing of the original; its `text` is the cleaned
// form, so `text` equals the raw slice with the whitespace that layout removed taken out.
//
// These declarations are the record's one definition: `npm run gen:schema` writes the JSON Schema
// (src/output/record.schema.json) from them, descriptions and JSDoc tags (@minimum, @pattern, ...)
// included, and the CSV columns, validate's layers and the record's key order follow that schema. So
// the fields of an output type are declared in the order records write them.

export const SCHEMA_VERSION = '1.0' as const;

/**
 * A Unicode code-point offset into the document's original text.
 * @asType integer
 * @minimum 0
 */
export type Offset = number;

/**
 * The cleaned text of a span: never empty.
 * @minLength 1
 */
export type SpanText = string;

/**
 * A code-point span into the raw document text. Entity, Figure and Slogan repeat its three fields
 * after their type rather than extend it: records write the type first, and the schema takes its key
 * order from the declarations.
 */
export interface Span {
  start: Offset;
  end: Offset;
  text: SpanText;
}

export interface Token extends Span {
  /** jieba / PKU-style part-of-speech tag (n, v, ns, nr, m, x, ...). */
  pos: string;
}

export type EntityType = 'PER' | 'LOC' | 'ORG';
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG'];

export interface Entity {
  type: EntityType;
  start: Offset;
  end: Offset;
  text: SpanText;
  /** Titles written next to a person (区政协党组书记、主席 -> ["区政协党组书记", "主席"]). */
  titles?: string[];
  /** The name in Simplified characters, to count a name written both ways once (陳茂波 -> 陈茂波).
   * Always written; optional for records of earlier versions. */
  norm?: string;
  /** With `explain`: the rules that added or changed the entity, in the order they ran (docs/output.md);
   * empty for the tagger's own span. */
  rules?: string[];
}

/** docs/output.md; `ratio` (3比1 -> "3:1") is an extension of the base contract. */
export type FigureType = 'number' | 'percent' | 'money' | 'quantity' | 'date' | 'range' | 'ordinal' | 'ratio';
export const FIGURE_TYPES: readonly FigureType[] = ['number', 'percent', 'money', 'quantity', 'date', 'range', 'ordinal', 'ratio'];

export interface Figure {
  type: FigureType;
  start: Offset;
  end: Offset;
  text: SpanText;
  /** A number where the figure has one; an ISO-8601-like string for dates and date ranges; "3:1" for a ratio; else null. */
  value: number | string | null;
  /** Measure word for quantities, ISO 4217 code for money, null otherwise. */
  unit: string | null;
  /** True when the text hedges the amount (余, 多, 近, 约, 超, 逾, 以上). */
  approx?: boolean;
  /** For ranges: the two ends (ISO strings for dates and years: 2023/24 -> "2023", "2024"); for ratios: the two parts (3比1 -> 3, 1). */
  low?: number | string | null;
  high?: number | string | null;
  /** What the figure measures when stated nearby (同比增长 -> growth rate). */
  indicator?: string | null;
}

/** term: a known policy term (提法) written without quotation marks (新质生产力, 推动高质量发展). */
export type SloganKind = 'formula' | 'code' | 'numbered' | 'coined' | 'term';
export const SLOGAN_KINDS: readonly SloganKind[] = ['formula', 'code', 'numbered', 'coined', 'term'];

export interface Slogan {
  kind: SloganKind;
  start: Offset;
  end: Offset;
  text: SpanText;
  /** Canonical form: half-width, no spaces ("5＋5＋7" -> "5+5+7"). */
  canonical: string;
  /** For a term: the term its variant belongs to (推动高质量发展 -> 高质量发展). */
  norm?: string;
}

export interface Keyword {
  /** @minLength 1 */
  word: string;
  weight: number;
}

export interface Article {
  title: string | null;
  subtitle: string | null;
  reporters: string[];
  correspondents: string[];
  /** The date the dateline states, as written ("8月11日"); null for 本报讯 without a date. */
  dateline: string | null;
  /** The dateline's date, ISO-8601-like: "2022-08-11", or "--08-11" when the year is unknown. */
  date?: string | null;
  /** "第一版" for "（上接第一版）". */
  continued_from: string | null;
  start: Offset;
  end: Offset;
  paragraphs: string[];
}

/** One analysed document: the output record of `zhnews analyze`. */
export interface DocumentRecord {
  id: string;
  schemaVersion: typeof SCHEMA_VERSION;
  /** The encoding the input was decoded from, when it came from bytes. */
  encoding?: string;
  /** 'traditional' when the text was converted to Simplified Chinese for analysis. */
  script?: 'simplified' | 'traditional';
  /**
   * The document's date from its input record (--date-field), ISO; absent when it has none.
   * @pattern ^\d{4}(-\d{2}(-\d{2})?)?$
   */
  date?: string;
  /** Fields of its input record kept with --keep-fields, by the name given ("title", "source.url"). */
  meta?: Record<string, unknown>;
  articles: Article[];
  entities: Entity[];
  figures: Figure[];
  slogans: Slogan[];
  keywords: Keyword[];
  /**
   * Non-whitespace characters of the input that the layout put in no paragraph, headline, subtitle,
   * byline, marker or caption and in no furniture: 0 when nothing was lost (docs/output.md). Always
   * written by `analyze`.
   * @asType integer
   * @minimum 0
   */
  unassigned?: number;
  tokens?: Token[];
}

/** A document's lists of annotations, its layers: articles, entities, figures, slogans, keywords, tokens. */
export type Layer = { [K in keyof DocumentRecord]-?: NonNullable<DocumentRecord[K]> extends readonly object[] ? K : never }[keyof DocumentRecord];

/** A document that could not be read, decoded or analysed. */
export interface ErrorRecord {
  id: string;
  schemaVersion: typeof SCHEMA_VERSION;
  /** @minLength 1 */
  error: string;
}

/**
 * One record per input document, as written by `zhnews analyze`. Offsets are Unicode code points into the document's original text, end exclusive.
 * @title zhnews output record
 */
export type OutputRecord = DocumentRecord | ErrorRecord;

export function isErrorRecord<T extends object>(r: T | ErrorRecord): r is ErrorRecord {
  return 'error' in r;
}

/** What a document is before analysis: an id and its raw text (already decoded). */
export interface InputDocument {
  id: string;
  text: string;
  /** The encoding the bytes were decoded from ("UTF-8", "GB18030", "Big5", "UTF-16LE", ...). */
  encoding?: string;
  /** The document's date from its input record (--date-field), ISO: "2024-03-05", "2024-03" or "2024". */
  date?: string;
  /** The headline carried beside the text in its input record (--title-field): the article's title. */
  title?: string;
  /** Fields of its input record kept with --keep-fields, by the name given. */
  meta?: Record<string, unknown>;
}
