import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createWriter, type OutputFormat } from '../../src/output/writer.js';
import type { DocumentRecord, ErrorRecord, OutputRecord } from '../../src/types.js';

const doc: DocumentRecord = {
  id: 'p1',
  schemaVersion: '1.0',
  articles: [{ title: '国产商用车“排队”出海', subtitle: null, reporters: ['丁晓慧'], correspondents: ['任保龙'], dateline: null, continued_from: null, start: 0, end: 40, paragraphs: ['近日，330辆国产商用车在黄岛口岸装船发往肯尼亚。'] }],
  entities: [{ type: 'LOC', text: '肯尼亚', start: 30, end: 33 }],
  figures: [{ type: 'quantity', text: '330辆', start: 3, end: 7, value: 330, unit: '辆' }],
  slogans: [{ kind: 'formula', text: '5+5+7', start: 41, end: 46, canonical: '5+5+7' }],
  keywords: [{ word: '商用车', weight: 0.42 }],
};
const bad: ErrorRecord = { id: 'broken.txt', schemaVersion: '1.0', error: 'not valid UTF-8, "quoted"' };

function render(format: OutputFormat, records: OutputRecord[]): string {
  let out = '';
  const w = createWriter(format, (s) => (out += s));
  records.forEach((r) => w.write(r));
  w.close();
  return out;
}

describe('writers', () => {
  it('json: one document is one object', () => {
    expect(JSON.parse(render('json', [doc]))).toEqual(doc);
  });
  it('json: several documents are an array, in order', () => {
    expect(JSON.parse(render('json', [doc, bad, doc])).map((r: OutputRecord) => r.id)).toEqual(['p1', 'broken.txt', 'p1']);
  });
  it('json: no document is an empty array', () => {
    expect(JSON.parse(render('json', []))).toEqual([]);
  });
  it('jsonl: one line per record', () => {
    const lines = render('jsonl', [doc, bad]).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([doc, bad]);
  });
  it('csv: one row per annotation, a document row first, quoting done right', () => {
    const rows = parse(render('csv', [doc, bad]), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!).slice(0, 12)).toEqual(['id', 'kind', 'article', 'article_title', 'date', 'type', 'text', 'start', 'end', 'value', 'normalized', 'unit']);
    expect(rows.map((r) => r.kind)).toEqual(['document', 'article', 'entity', 'figure', 'slogan', 'keyword', 'error']);
    expect(rows[1]).toMatchObject({ article: '0', text: '国产商用车“排队”出海', reporters: '丁晓慧', correspondents: '任保龙' });
    expect(rows[3]).toMatchObject({ article: '0', article_title: '国产商用车“排队”出海', type: 'quantity', text: '330辆', start: '3', end: '7', value: '330', unit: '辆' });
    expect(rows[4]).toMatchObject({ article: '', type: 'formula', text: '5+5+7', normalized: '5+5+7' }); // outside the article span
    expect(rows[5]).toMatchObject({ kind: 'keyword', text: '商用车', value: '0.42' });
    expect(rows[6]).toMatchObject({ id: 'broken.txt', text: 'not valid UTF-8, "quoted"' });
  });
  it('csv: a dated document (--date-field) has its date on every row', () => {
    const rows = parse(render('csv', [{ ...doc, date: '2024-03-06' }]), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ id: 'p1', kind: 'document', date: '2024-03-06', text: '' });
    expect(rows.every((r) => r.date === '2024-03-06')).toBe(true);
  });
  it('csv: the header is written even when there is nothing else', () => {
    expect(render('csv', [])).toMatch(/^id,kind,article,article_title,date,type,text,start,end,value,normalized,unit,.*\n$/);
  });
});
