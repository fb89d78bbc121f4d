// Comparing an analysis record with an expected one, annotation by annotation.
//
// The layers are the document's lists in the record schema (articles, entities, figures, slogans,
// keywords, tokens): a layer added to the record is compared without being listed here. Spans are
// matched by (start, end) within each layer. A span on one side only is missing or unexpected; the same
// span with another type, text, value or unit is changed. Articles are matched by index and compared
// field by field. Keywords are matched by word.
//   expected PER 刘腾 [9,11), actual none        -> { layer: 'entities', kind: 'missing', ... }
//   money [770,777) value 50000000 vs 5000000    -> { layer: 'figures', kind: 'changed', field: 'value' }

import type { Article, DocumentRecord, Layer, OutputRecord } from '../types.js';
import { isErrorRecord } from '../types.js';
import { RECORD_LAYERS } from '../output/schema.js';

export type { Layer };
/** The layers of a record, from its schema: the `Layer` keys of the type, since the schema is generated from it. */
export const LAYERS = RECORD_LAYERS as readonly Layer[];

export interface Difference {
  layer: Layer | 'record';
  kind: 'missing' | 'unexpected' | 'changed';
  /** Human-readable name of the annotation: "PER 刘腾 [9,11)". */
  what: string;
  field?: string;
  expected?: unknown;
  actual?: unknown;
}

export interface CompareOptions {
  /** Layers to compare (default: all). */
  only: readonly Layer[];
  /** Numbers that differ by no more than this fraction count as equal (0: exact). */
  valueTolerance: number;
}

export const DEFAULT_COMPARE: CompareOptions = { only: LAYERS, valueTolerance: 0 };

type Spanned = { start: number; end: number; text: string; [k: string]: unknown };

export function compareRecords(expected: OutputRecord, actual: OutputRecord, options: CompareOptions = DEFAULT_COMPARE): Difference[] {
  if (isErrorRecord(expected) || isErrorRecord(actual)) {
    const e = isErrorRecord(expected) ? expected.error : null;
    const a = isErrorRecord(actual) ? actual.error : null;
    return e === a ? [] : [{ layer: 'record', kind: 'changed', what: 'error', field: 'error', expected: e, actual: a }];
  }
  const diffs: Difference[] = [];
  for (const layer of options.only) {
    if (layer === 'articles') diffs.push(...compareArticles(expected.articles, actual.articles));
    else if (layer === 'keywords') diffs.push(...compareKeywords(expected, actual));
    else diffs.push(...compareSpans(layer, expected[layer] as unknown as Spanned[], actual[layer] as unknown as Spanned[], options));
  }
  return diffs;
}

/** "PER 刘腾 [9,11)": a span's type (a slogan's kind, a token's part of speech), text and offsets. */
function label(s: Spanned): string {
  return `${s.type ?? s.kind ?? s.pos} ${s.text} [${s.start},${s.end})`;
}

/**
 * Fields computed from the others (an entity's norm is its text in Simplified characters): compared when
 * the expected record has them (golden files do), not missed when a hand-written one leaves them out.
 */
const DERIVED = new Set(['norm']);

function compareSpans(layer: Layer, expected: Spanned[] = [], actual: Spanned[] = [], options: CompareOptions): Difference[] {
  const key = (s: Spanned) => `${s.start}:${s.end}`;
  const got = new Map(actual.map((s) => [key(s), s]));
  const diffs: Difference[] = [];
  const matched = new Set<string>();
  for (const e of expected) {
    const a = got.get(key(e));
    if (!a) {
      diffs.push({ layer, kind: 'missing', what: label(e) });
      continue;
    }
    matched.add(key(e));
    for (const field of new Set([...Object.keys(e), ...Object.keys(a)])) {
      if (field === 'start' || field === 'end') continue;
      if (DERIVED.has(field) && !(field in e)) continue;
      if (!sameValue(e[field], a[field], options.valueTolerance)) {
        diffs.push({ layer, kind: 'changed', what: label(e), field, expected: e[field], actual: a[field] });
      }
    }
  }
  for (const a of actual) if (!matched.has(key(a))) diffs.push({ layer, kind: 'unexpected', what: label(a) });
  return diffs;
}

function compareArticles(expected: Article[] = [], actual: Article[] = []): Difference[] {
  const diffs: Difference[] = [];
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    const name = (x: Article) => `#${i} ${x.title ?? '(untitled)'} [${x.start},${x.end})`;
    if (!a) diffs.push({ layer: 'articles', kind: 'missing', what: name(e!) });
    else if (!e) diffs.push({ layer: 'articles', kind: 'unexpected', what: name(a) });
    else
      for (const field of Object.keys(e) as (keyof Article)[]) {
        if (!sameValue(e[field], a[field], 0)) diffs.push({ layer: 'articles', kind: 'changed', what: name(e), field, expected: e[field], actual: a[field] });
      }
  }
  return diffs;
}

function compareKeywords(expected: DocumentRecord, actual: DocumentRecord): Difference[] {
  const [ek, ak] = [expected.keywords ?? [], actual.keywords ?? []];
  const got = new Set(ak.map((k) => k.word));
  const want = new Set(ek.map((k) => k.word));
  return [
    ...ek.filter((k) => !got.has(k.word)).map((k) => ({ layer: 'keywords' as const, kind: 'missing' as const, what: k.word })),
    ...ak.filter((k) => !want.has(k.word)).map((k) => ({ layer: 'keywords' as const, kind: 'unexpected' as const, what: k.word })),
  ];
}

function sameValue(a: unknown, b: unknown, tolerance: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}
