// The corpus summary as CSV: one row per item, stable columns, for spreadsheets.
//
//   section, type, text, mentions, documents, first, last, weight, month
//
// section is total | date | entity | slogan | term | indicator | keyword. A term has a row of its own
// and one per month its documents are dated in (type month).

import { stringify } from 'csv-stringify/sync';
import { ENTITY_TYPES } from '../types.js';
import type { CorpusSummaryRecord } from './corpus.js';
import { BOM, neutralizeCell } from '../output/csv-safe.js';

export const SUMMARY_COLUMNS = ['section', 'type', 'text', 'mentions', 'documents', 'first', 'last', 'weight', 'month'] as const;
type Row = Partial<Record<(typeof SUMMARY_COLUMNS)[number], string | number | null>>;

export function summaryCsv(s: CorpusSummaryRecord, bom = false, formulaGuard = true): string {
  const rows: Row[] = [
    { section: 'total', type: 'documents', documents: s.documents },
    { section: 'total', type: 'errors', documents: s.errors },
    { section: 'total', type: 'articles', mentions: s.articles },
  ];
  for (const d of s.dates) rows.push({ section: 'date', text: d.date, documents: d.documents });
  for (const t of ENTITY_TYPES) for (const e of s.entities[t]) rows.push({ section: 'entity', type: t, text: e.text, mentions: e.mentions, documents: e.documents });
  for (const x of s.slogans) rows.push({ section: 'slogan', type: x.kind, text: x.text, mentions: x.mentions, documents: x.documents, first: x.first, last: x.last });
  for (const t of s.terms) {
    rows.push({ section: 'term', type: 'total', text: t.text, mentions: t.mentions, documents: t.documents });
    for (const m of t.months) rows.push({ section: 'term', type: 'month', text: t.text, mentions: m.mentions, documents: m.documents, month: m.month });
  }
  for (const f of s.figures) rows.push({ section: 'indicator', type: Object.keys(f.types).sort().join('|'), text: f.indicator, mentions: f.figures, documents: f.documents });
  for (const k of s.keywords) rows.push({ section: 'keyword', text: k.word, documents: k.documents, weight: k.weight });
  const safe = formulaGuard ? rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, neutralizeCell(v ?? null)]))) : rows;
  return (bom ? BOM : '') + stringify(safe, { header: true, columns: [...SUMMARY_COLUMNS], cast: { number: String } });
}
