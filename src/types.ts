// The data model of zhnews, in one place.
//
// Every annotation is a span [start, end) in Unicode code points of the ORIGINAL input text of its
// document (end exclusive), so `[...raw].slice(start, end)` (JS) or `raw[start:end]` (Python) is its
// source. A span may cover line breaks or letter-spacing of the original; its `text` is the cleaned
// form, so `text` equals the raw slice with the whitespace that layout removed taken out.

export const SCHEMA_VERSION = '1.0';

/** A code-point span into the raw document text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Token extends Span {
  /** jieba / PKU-style part-of-speech tag (n, v, ns, nr, m, x, ...). */
  pos: string;
}

export type EntityType = 'PER' | 'LOC' | 'ORG';
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG'];

export interface Entity extends Span {
  type: EntityType;
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

export interface Figure extends Span {
  type: FigureType;
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

export interface Slogan extends Span {
  kind: SloganKind;
  /** Canonical form: half-width, no spaces ("5＋5＋7" -> "5+5+7"). */
  canonical: string;
  /** For a term: the term its variant belongs to (推动高质量发展 -> 高质量发展). */
  norm?: string;
}

export interface Keyword {
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
  start: number;
  end: number;
  paragraphs: string[];
}

/** One analysed document: the output record of `zhnews analyze`. */
export interface DocumentRecord {
  id: string;
  schemaVersion: string;
  /** The encoding the input was decoded from, when it came from bytes. */
  encoding?: string;
  /** 'traditional' when the text was converted to Simplified Chinese for analysis. */
  script?: 'simplified' | 'traditional';
  /** The document's date from its input record (--date-field), ISO; absent when it has none. */
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
   */
  unassigned?: number;
  tokens?: Token[];
}

/** A document that could not be read, decoded or analysed. */
export interface ErrorRecord {
  id: string;
  schemaVersion: string;
  error: string;
}

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
