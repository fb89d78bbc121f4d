import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { columnType, csvRows, csvTable, CSV_LAYERS, RECORD_COLUMNS } from '../../src/output/columns.js';
import { createWriter } from '../../src/output/writer.js';
import type { CsvOptions } from '../../src/output/csv.js';
import type { DocumentRecord, OutputRecord } from '../../src/types.js';

const doc: DocumentRecord = {
  id: 'gd-01',
  schemaVersion: '1.0',
  date: '2024-03-05',
  meta: { title: '广东一季度经济稳中有进', 'source.url': 'https://example.cn/a/1' },
  articles: [{ title: '广东一季度经济稳中有进', subtitle: null, reporters: ['林晓', '黄敏'], correspondents: [], dateline: '3月4日', date: '2024-03-04', continued_from: null, start: 0, end: 80, paragraphs: ['…'] }],
  entities: [{ type: 'PER', text: '陳茂波', start: 12, end: 15, titles: ['财政司司长'], norm: '陈茂波' }],
  figures: [
    { type: 'range', text: '2.5%至3.5%', start: 20, end: 29, value: null, unit: '%', low: 2.5, high: 3.5, indicator: 'growth' },
    { type: 'date', text: '5月8日', start: 30, end: 34, value: '--05-08', unit: null },
    { type: 'range', text: '1至7月份', start: 35, end: 40, value: '2024-01/2024-07', unit: null, low: '2024-01', high: '2024-07' },
    { type: 'quantity', text: '28500余辆', start: 41, end: 48, value: 28500, unit: '辆', approx: true },
  ],
  slogans: [{ kind: 'term', text: '推动高质量发展', start: 50, end: 57, canonical: '推动高质量发展', norm: '高质量发展' }],
  keywords: [{ word: '高质量发展', weight: 0.61 }],
};

function csv(records: OutputRecord[], options: CsvOptions = {}): Record<string, string>[] {
  let out = '';
  const w = createWriter('csv', (s) => (out += s), options);
  records.forEach((r) => w.write(r));
  w.close();
  return parse(out, { columns: true }) as Record<string, string>[];
}

describe('CSV columns from the record schema', () => {
  it('has a column for each field of each layer, every column of one type', () => {
    for (const c of ['low', 'high', 'approx', 'indicator', 'norm', 'titles', 'reporters', 'dateline', 'low_normalized']) expect(RECORD_COLUMNS).toContain(c);
    expect(RECORD_COLUMNS).not.toContain('paragraphs');
    expect(columnType('value')).toBe('number');
    expect(columnType('low')).toBe('number');
    expect(columnType('normalized')).toBe('text');
    expect(CSV_LAYERS).toEqual(expect.arrayContaining(['documents', 'articles', 'entities', 'figures', 'slogans', 'keywords', 'tokens']));
  });

  it('writes every field with a value: numbers in value/low/high, ISO dates and canonical forms in normalized', () => {
    const rows = csv([doc], { keep: ['title', 'source.url'] });
    const [document, article, person, range, date, months, cars, term, keyword] = rows;
    expect(document).toMatchObject({ kind: 'document', date: '2024-03-05', title: '广东一季度经济稳中有进', 'source.url': 'https://example.cn/a/1' });
    expect(article).toMatchObject({ kind: 'article', article: '0', text: '广东一季度经济稳中有进', reporters: '林晓 | 黄敏', dateline: '3月4日', normalized: '2024-03-04' });
    expect(person).toMatchObject({ kind: 'entity', type: 'PER', text: '陳茂波', norm: '陈茂波', titles: '财政司司长', article: '0', article_title: '广东一季度经济稳中有进' });
    expect(range).toMatchObject({ type: 'range', value: '', low: '2.5', high: '3.5', indicator: 'growth', unit: '%' });
    expect(date).toMatchObject({ type: 'date', value: '', normalized: '--05-08' });
    expect(months).toMatchObject({ normalized: '2024-01/2024-07', low: '', low_normalized: '2024-01', high_normalized: '2024-07' });
    expect(cars).toMatchObject({ value: '28500', approx: 'true' });
    expect(term).toMatchObject({ kind: 'slogan', type: 'term', normalized: '推动高质量发展', norm: '高质量发展' });
    expect(keyword).toMatchObject({ kind: 'keyword', text: '高质量发展', value: '0.61' });
    // the document's date and the kept fields ride along on every row
    expect(rows.every((r) => r.date === '2024-03-05' && r['source.url'] === 'https://example.cn/a/1')).toBe(true);
  });

  it('--layers keeps the chosen rows and their columns only; errors always come through', () => {
    const rows = csv([doc, { id: 'bad.txt', schemaVersion: '1.0', error: 'not valid UTF-8' }], { layers: ['figures'] });
    expect(rows.map((r) => r.kind)).toEqual(['figure', 'figure', 'figure', 'figure', 'error']);
    expect(Object.keys(rows[0]!)).toContain('low');
    expect(Object.keys(rows[0]!)).not.toContain('titles');
  });

  it('a kept field named like a record column gets a meta. prefix', () => {
    expect(csvTable(undefined, ['text', 'url']).keepColumns).toEqual(new Map([['text', 'meta.text'], ['url', 'url']]));
  });

  it('without the guard, cells are written as they are', () => {
    const hostile: DocumentRecord = { ...doc, meta: { title: '=1+1' } };
    expect(csv([hostile], { keep: ['title'] })[0]!.title).toBe("'=1+1");
    expect(csv([hostile], { keep: ['title'], formulaGuard: false })[0]!.title).toBe('=1+1');
  });

  it('a record with no annotations still has its document row', () => {
    const empty: DocumentRecord = { id: 'empty', schemaVersion: '1.0', articles: [], entities: [], figures: [], slogans: [], keywords: [] };
    expect(csvRows(empty).map((r) => r.kind)).toEqual(['document']);
  });
});

// A field or layer added to the record's types reaching the columns: test/output/record-schema.test.ts.
