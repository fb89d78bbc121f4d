import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CorpusSummary } from '../../src/summary/corpus.js';
import { summaryCsv } from '../../src/summary/csv.js';
import type { Article, DocumentRecord } from '../../src/types.js';

const article = (date: string | null): Article => ({
  title: null, subtitle: null, reporters: [], correspondents: [], dateline: date ? '8月11日' : null, date,
  continued_from: null, start: 0, end: 10, paragraphs: [],
});
const doc = (id: string, date: string | null, extra: Partial<DocumentRecord>): DocumentRecord => ({
  id, schemaVersion: '1.0', articles: [article(date)], entities: [], figures: [], slogans: [], keywords: [], ...extra,
});

describe('corpus summary', () => {
  const s = new CorpusSummary(10);
  s.add(doc('a', '2022-08-11', {
    entities: [
      { type: 'ORG', text: '青岛开发区', start: 0, end: 5 },
      { type: 'ORG', text: '青岛开发区', start: 9, end: 14 },
      { type: 'PER', text: '逯鹰', start: 20, end: 22 },
    ],
    slogans: [{ kind: 'formula', text: '5+5+7', start: 30, end: 35, canonical: '5+5+7' }],
    figures: [{ type: 'percent', text: '13.5%', start: 40, end: 45, value: 13.5, unit: null, indicator: 'growth' }],
    keywords: [{ word: '城市更新', weight: 0.5 }, { word: '商用车', weight: 0.3 }],
  }));
  s.add(doc('b', '2022-07-01', {
    entities: [{ type: 'ORG', text: '青岛开发区', start: 0, end: 5 }],
    slogans: [{ kind: 'formula', text: '5＋5＋7', start: 3, end: 8, canonical: '5+5+7' }],
    keywords: [{ word: '商用车', weight: 0.9 }],
  }));
  s.add({ id: 'c', schemaVersion: '1.0', error: 'not valid UTF-8' });
  s.add(doc('d', null, { keywords: [{ word: '气候投融资', weight: 0.8 }] }));
  const r = s.result();

  it('counts documents, errors and articles', () => {
    expect(r).toMatchObject({ kind: 'corpus-summary', documents: 3, errors: 1, articles: 3 });
  });
  it('counts mentions and documents per entity, by type', () => {
    expect(r.entities.ORG).toEqual([{ text: '青岛开发区', mentions: 3, documents: 2 }]);
    expect(r.entities.PER).toEqual([{ text: '逯鹰', mentions: 1, documents: 1 }]);
    expect(r.entities.LOC).toEqual([]);
  });
  it('merges slogan variants by canonical form, with first and last dates', () => {
    expect(r.slogans).toEqual([{ text: '5+5+7', kind: 'formula', mentions: 2, documents: 2, first: '2022-07-01', last: '2022-08-11' }]);
  });
  it('counts documents per date and figures per indicator', () => {
    expect(r.dates).toEqual([{ date: '2022-07-01', documents: 1 }, { date: '2022-08-11', documents: 1 }]);
    expect(r.figures).toEqual([{ indicator: 'growth', figures: 1, documents: 1, types: { percent: 1 } }]);
  });
  it('ranks corpus keywords by TF-IDF: a word in every document weighs less than its count suggests', () => {
    const words = r.keywords.map((k) => k.word);
    expect(words).toContain('商用车');
    expect(r.keywords.find((k) => k.word === '商用车')!.documents).toBe(2);
    // ORG names count too, PER names do not (people are listed under entities)
    expect(words).toContain('青岛开发区');
    expect(words).not.toContain('逯鹰');
  });
  it('writes CSV with stable columns, a BOM on request, and formula-looking cells neutralised', () => {
    const t = new CorpusSummary();
    t.add(doc('x', null, { entities: [{ type: 'ORG', text: '=HYPERLINK("http://x")', start: 0, end: 5 }] }));
    const csv = summaryCsv(t.result(), true);
    expect(csv.startsWith('\uFEFFsection,type,text,mentions,documents,first,last,weight,month\n')).toBe(true);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.find((x) => x.section === 'entity')!.text).toBe('\'=HYPERLINK("http://x")');
  });
});

describe('corpus summary with document dates (--date-field)', () => {
  it("counts a document under its own date, before its articles' datelines, and dates slogans by it", () => {
    const s = new CorpusSummary(10);
    const slogan = { kind: 'coined' as const, text: '微改革', start: 0, end: 3, canonical: '微改革' };
    s.add(doc('a', '2022-08-11', { date: '2022-08-12', slogans: [slogan] }));
    s.add(doc('b', null, { date: '2023-01-05', slogans: [slogan] }));
    s.add(doc('c', '2022-07-01', { slogans: [slogan] }));
    const r = s.result();
    expect(r.dates).toEqual([
      { date: '2022-07-01', documents: 1 },
      { date: '2022-08-12', documents: 1 },
      { date: '2023-01-05', documents: 1 },
    ]);
    expect(r.slogans[0]).toMatchObject({ text: '微改革', documents: 3, first: '2022-07-01', last: '2023-01-05' });
  });
});

describe('corpus keywords', () => {
  it('ranks words that name properties of objects (constructor, toString) like any other word', () => {
    const s = new CorpusSummary(10);
    s.add(doc('a', null, { keywords: [{ word: 'constructor', weight: 0.5 }, { word: '港口', weight: 0.4 }] }));
    s.add(doc('b', null, { keywords: [{ word: 'toString', weight: 0.5 }, { word: '港口', weight: 0.4 }] }));
    s.add(doc('c', null, { keywords: [{ word: '港口', weight: 0.4 }] }));
    const r = s.result().keywords;
    for (const k of r) expect(Number.isFinite(k.weight), k.word).toBe(true);
    expect(r.find((k) => k.word === 'constructor')).toMatchObject({ documents: 1 });
    expect(r.find((k) => k.word === '港口')).toMatchObject({ documents: 3 });
    // in one document of three, weighted 2 by rank: above 港口, which is in every document
    expect(r.findIndex((k) => k.word === 'constructor')).toBeLessThan(r.findIndex((k) => k.word === '港口'));
  });
});

describe('corpus keywords across scripts', () => {
  it('counts a keyword written in Traditional and in Simplified characters once', () => {
    const s = new CorpusSummary(10);
    s.add(doc('hk', null, { keywords: [{ word: '陳茂波', weight: 0.5 }, { word: '財政預算案', weight: 0.4 }] }));
    s.add(doc('bj', null, { keywords: [{ word: '陈茂波', weight: 0.5 }] }));
    const words = s.result().keywords.map((k) => k.word);
    expect(words.filter((w) => w === '陈茂波' || w === '陳茂波')).toEqual(['陈茂波']);
    expect(words).toContain('财政预算案');
  });
});

describe('corpus summary of records in any order (merged shards: zhnews merge, zhnews summary shard-*.jsonl)', () => {
  const fig = (type: 'percent' | 'money', indicator: string) => ({ type, text: '13.5%', start: 0, end: 5, value: 13.5, unit: null, indicator });
  const records: DocumentRecord[] = [
    doc('a', '2022-08-11', {
      figures: [fig('percent', 'growth')],
      // a lexicon entry and a quoted coinage sharing a canonical form
      slogans: [{ kind: 'numbered', text: '六稳', start: 0, end: 2, canonical: '六稳' }],
      keywords: [{ word: '城市更新', weight: 0.5 }],
    }),
    doc('b', '2022-07-01', {
      figures: [fig('money', 'growth'), fig('percent', 'growth')],
      slogans: [{ kind: 'coined', text: '六稳', start: 0, end: 2, canonical: '六稳' }, { kind: 'coined', text: '六稳', start: 5, end: 7, canonical: '六稳' }],
      entities: [{ type: 'LOC', text: '青岛', start: 0, end: 2 }],
      keywords: [{ word: '商用车', weight: 0.9 }],
    }),
    doc('c', null, { slogans: [{ kind: 'numbered', text: '六稳', start: 0, end: 2, canonical: '六稳' }], keywords: [{ word: '商用车', weight: 0.3 }] }),
  ];
  const summaryOf = (rs: DocumentRecord[]) => {
    const s = new CorpusSummary();
    for (const r of rs) s.add(r);
    return s.result();
  };

  it('is the same JSON and CSV whatever order the records come in', () => {
    const want = JSON.stringify(summaryOf(records));
    for (const order of [[2, 1, 0], [1, 0, 2], [1, 2, 0]]) {
      const got = summaryOf(order.map((i) => records[i]!));
      expect(JSON.stringify(got)).toBe(want);
      expect(summaryCsv(got)).toBe(summaryCsv(summaryOf(records)));
    }
  });

  it("names a slogan by the kind it is mentioned under most (a tie: the first of formula, code, numbered, coined); an indicator's types in sorted order", () => {
    const r = summaryOf([records[1]!, records[0]!]);
    expect(r.slogans).toEqual([expect.objectContaining({ text: '六稳', kind: 'coined', mentions: 3 })]);
    expect(summaryOf(records).slogans[0]!.kind).toBe('numbered'); // numbered twice (a, c), coined twice (b): a tie
    const once = { ...records[1]!, slogans: records[1]!.slogans.slice(0, 1) }; // coined once, numbered once (c)
    expect(summaryOf([once, records[2]!]).slogans[0]!.kind).toBe('numbered');
    expect(summaryOf([records[2]!, once]).slogans[0]!.kind).toBe('numbered');
    expect(Object.keys(r.figures[0]!.types)).toEqual(['money', 'percent']);
  });
});
