// The report's aggregation: what each list counts, how names and terms are grouped, where a document
// sits on the timeline, and the caps that keep the page small. Records are written by hand here.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, NotARecord, ReportAggregator, bucketRange, documentDate, type ReportData } from '../../src/report/aggregate.js';

interface Loose {
  id: string;
  date?: string;
  articles?: { title: string | null; date?: string | null; paragraphs?: string[] }[];
  entities?: { type: string; text: string; norm?: string }[];
  figures?: { type: string; text: string; value: number | string | null; unit: string | null; indicator?: string | null }[];
  slogans?: { kind: string; text: string; canonical?: string; norm?: string }[];
}
const rec = (r: Loose) => ({ schemaVersion: '1.0', articles: [], entities: [], figures: [], slogans: [], keywords: [], ...r });
const titles = (data: ReportData, docs: number[]) => docs.map((i) => data.docs[i]![1]);

describe('ReportAggregator', () => {
  const a = new ReportAggregator(['archive.jsonl']);
  a.add(rec({
    id: 'gz-1', date: '2024-01-09',
    articles: [{ title: '廣州南沙新區推進「營商環境」改革', date: '2023-12-30' }],
    entities: [
      { type: 'LOC', text: '廣州', norm: '广州' },
      { type: 'LOC', text: '南沙', norm: '南沙' },
      { type: 'LOC', text: '廣州', norm: '广州' },
      { type: 'TITLE', text: '区长' },
    ],
    slogans: [
      { kind: 'term', text: '營商環境', norm: '营商环境' },
      { kind: 'term', text: '营商环境', norm: '营商环境' },
    ],
    figures: [
      { type: 'percent', text: '6.3%', value: 6.3, unit: null, indicator: 'growth_yoy' },
      { type: 'money', text: '120亿元', value: 12e9, unit: 'CNY', indicator: 'investment' },
    ],
  }));
  a.add(rec({
    id: 'gz-2',
    articles: [{ title: '广州地铁新线开通', date: '2024-03-18' }, { title: null, date: '2024-03-01' }],
    entities: [{ type: 'LOC', text: '广州' }, { type: 'PER', text: '陈志明' }],
    slogans: [{ kind: 'numbered', text: '“百千万工程”', canonical: '百千万工程' }, { kind: 'term', text: '营商环境', norm: '营商环境' }],
    figures: [
      { type: 'percent', text: '4.8%', value: 4.8, unit: null, indicator: 'growth_yoy' },
      { type: 'money', text: '3亿美元', value: 3e8, unit: 'USD', indicator: 'investment' },
      { type: 'money', text: '8亿元', value: 8e8, unit: 'CNY', indicator: 'investment' },
      { type: 'date', text: '3月18日', value: '2024-03-18', unit: null, indicator: null },
    ],
  }));
  a.add(rec({ id: 'sz-3', articles: [{ title: null, date: '--03-05', paragraphs: ['深圳前海合作区今天发布新一批制度创新成果。'] }] }));
  a.add({ id: 'broken.txt', schemaVersion: '1.0', error: 'not valid UTF-8 (first bad byte at offset 9)' });
  a.addMalformed();
  const r = a.result();

  it('counts documents, articles, error records and unreadable lines apart', () => {
    expect(r.counts).toEqual({ documents: 3, errors: 1, malformed: 1, articles: 4, dated: 2, undated: 1 });
    expect(r.errors).toEqual([{ id: 'broken.txt', error: 'not valid UTF-8 (first bad byte at offset 9)' }]);
  });

  it("places a document by its record's date, else its earliest dated dateline; month-day datelines place nothing", () => {
    // gz-1: its own date 2024-01-09 (not the dateline's 2023-12-30); gz-2: 2024-03-01; sz-3: undated.
    expect(r.timeline).toEqual({ unit: 'month', buckets: ['2024-01', '2024-02', '2024-03'], documents: [1, 0, 1] });
  });

  it('groups names by their Simplified form (norm, else text) and counts each document once', () => {
    expect(r.entities.LOC.map(({ text, documents, mentions }) => ({ text, documents, mentions }))).toEqual([
      { text: '广州', documents: 2, mentions: 3 },
      { text: '南沙', documents: 1, mentions: 1 },
    ]);
    expect(titles(r, r.entities.LOC[0]!.docs)).toEqual(['廣州南沙新區推進「營商環境」改革', '广州地铁新线开通']);
    expect(r.entities.PER.map((e) => e.text)).toEqual(['陈志明']);
    expect(r.entityCounts).toEqual({ PER: 1, LOC: 2, ORG: 0 });
  });

  it('groups terms by norm, else canonical, and draws each over the timeline', () => {
    expect(r.terms.map(({ text, kind, documents, mentions, series }) => ({ text, kind, documents, mentions, series }))).toEqual([
      { text: '营商环境', kind: 'term', documents: 2, mentions: 3, series: [1, 0, 1] },
      { text: '百千万工程', kind: 'numbered', documents: 1, mentions: 1, series: [0, 0, 1] },
    ]);
    expect(r.termCount).toBe(2);
  });

  it('sums figures by indicator: percent spread, money in the commonest currency, a dot per percent figure', () => {
    expect(r.indicators.map(({ docs, more, ...row }) => row)).toEqual([
      { indicator: 'growth_yoy', figures: 2, documents: 2, types: { percent: 2 }, percent: { count: 2, min: 4.8, max: 6.3, mean: 5.55 }, money: null },
      { indicator: 'investment', figures: 3, documents: 2, types: { money: 3 }, percent: null, money: { count: 2, unit: 'CNY', total: 12.8e9 } },
    ]);
    expect(r.dots.map(([i, value, doc, text]) => [r.indicators[i]!.indicator, value, r.docs[doc]![0], text])).toEqual([
      ['growth_yoy', 6.3, 'gz-1', '6.3%'],
      ['growth_yoy', 4.8, 'gz-2', '4.8%'],
    ]);
  });

  it('titles a document by its first headline, else its first paragraph; lists each document once', () => {
    expect(r.table.map(([doc, e, f, s]) => [r.docs[doc]![0], r.docs[doc]![1], e, f, s])).toEqual([
      ['gz-1', '廣州南沙新區推進「營商環境」改革', 4, 2, 2],
      ['gz-2', '广州地铁新线开通', 2, 4, 2],
      ['sz-3', '深圳前海合作区今天发布新一批制度创新成果。', 0, 0, 0],
    ]);
    expect(new Set(r.docs.map((d) => d[0])).size).toBe(r.docs.length);
  });
});

describe('ReportAggregator: caps and bad input', () => {
  it('caps the document lists, the terms and the table, and counts what it left out', () => {
    const a = new ReportAggregator([], { ...DEFAULT_LIMITS, docList: 2, tableRows: 3, terms: 1 });
    for (let i = 1; i <= 5; i++) {
      a.add(rec({ id: `d${i}`, date: `2024-0${i}-01`, slogans: [{ kind: 'coined', text: '微改革', canonical: '微改革' }, ...(i === 1 ? [{ kind: 'coined', text: '标准地', canonical: '标准地' }] : [])] }));
    }
    const r = a.result();
    expect(r.terms).toHaveLength(1);
    expect(r.terms[0]).toMatchObject({ text: '微改革', documents: 5, more: 3 });
    expect(r.terms[0]!.docs.map((i) => r.docs[i]![0])).toEqual(['d1', 'd2']);
    expect(r.termCount).toBe(2);
    expect(r.table).toHaveLength(3);
    expect(r.counts.documents).toBe(5);
  });

  it('cuts long titles with an ellipsis', () => {
    const a = new ReportAggregator();
    a.add(rec({ id: 'long', articles: [{ title: '坚持'.repeat(40) }] }));
    const title = a.result().docs[0]![1];
    expect([...title]).toHaveLength(60);
    expect(title.endsWith('…')).toBe(true);
  });

  it('counts years instead of months past twenty years', () => {
    const a = new ReportAggregator();
    a.add(rec({ id: 'old', date: '1998-07-01' }));
    a.add(rec({ id: 'new', date: '2024-02-10' }));
    const t = a.result().timeline;
    expect(t.unit).toBe('year');
    expect(t.buckets).toHaveLength(27);
    expect(t.documents[0]).toBe(1);
    expect(t.documents[26]).toBe(1);
  });

  it.each([
    ['null', null],
    ['an array', [{ id: 'a' }]],
    ['a number', 42],
    ['an object without id', { text: '今天' }],
    ['a numeric id', { id: 7 }],
  ])('throws NotARecord for %s', (_, value) => {
    expect(() => new ReportAggregator().add(value)).toThrow(NotARecord);
  });

  it('takes a record with odd or missing fields without throwing', () => {
    const a = new ReportAggregator();
    a.add({ id: 'bare' });
    a.add({ id: 'odd', articles: 'none', entities: [null, { type: 'PER' }, { type: 'LOC', text: '' }], figures: [{ indicator: 'growth', type: 'percent', value: 'n/a' }], slogans: [{}] });
    const r = a.result();
    expect(r.counts.documents).toBe(2);
    expect(r.entityCounts).toEqual({ PER: 0, LOC: 0, ORG: 0 });
    expect(r.indicators[0]).toMatchObject({ indicator: 'growth', figures: 1, percent: null });
    expect(r.timeline.buckets).toEqual([]);
    expect(r.table.map(([i]) => r.docs[i]![1])).toEqual(['bare', 'odd']);
  });
});

describe('documentDate and bucketRange', () => {
  it.each([
    [{ date: '2024-03', articles: [{ date: '2023-01-01' }] }, '2024-03'],
    [{ articles: [{ date: '2024-05-02' }, { date: '2024-04-30' }] }, '2024-04-30'],
    [{ articles: [{ date: '--08-11' }] }, null],
    [{ date: '', articles: [] }, null],
  ])('%j -> %s', (record, expected) => {
    expect(documentDate(record)).toBe(expected);
  });

  it('runs across a year end, and by years', () => {
    expect(bucketRange('2024-11', '2025-02', false)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(bucketRange('2019', '2021', true)).toEqual(['2019', '2020', '2021']);
  });
});
