// End-to-end: what analysts load into pandas and spreadsheets — the CSV of the fixtures, and the corpus
// summary of dated news with policy terms and a name written in both scripts.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { cli } from '../helpers.js';
import { columnType } from '../../src/output/columns.js';
import type { CorpusSummaryRecord } from '../../src/summary/corpus.js';

const NEWS = ['fixtures/news/snippets.jsonl', 'fixtures/news/policy-terms.jsonl'];
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

describe('CSV of the fixtures', () => {
  const r = cli(['analyze', '--input-format', 'jsonl', '--date-field', 'date', '--keep-fields', 'title,url', '--format', 'csv', '--jobs', '1', ...NEWS]);
  const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];

  it('parses, one row per annotation, the kept fields as columns', () => {
    expect(r.status, r.stderr).toBe(0);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['title', 'url', 'low', 'high', 'normalized', 'norm', 'titles', 'article_title']));
    expect(rows.find((x) => x.id === 'terms-0305' && x.kind === 'document')).toMatchObject({ title: '代表委员热议新质生产力', url: 'https://example.cn/news/0305', date: '2024-03-05' });
  });

  it('gives each column one type: number columns hold numbers only, text columns no numbers but ISO years', () => {
    for (const column of Object.keys(rows[0]!)) {
      const cells = rows.map((x) => x[column]!).filter((c) => c !== '');
      const numbers = cells.filter((c) => NUMBER.test(c));
      if (columnType(column) === 'number') expect(numbers, column).toEqual(cells);
      else if (!['text', 'title', 'url'].includes(column)) expect(numbers.filter((c) => !/^\d{4}$/.test(c)), column).toEqual([]);
    }
  });

  it("writes a range's ends as numbers and a date's ISO form without an apostrophe", () => {
    const range = rows.find((x) => x.kind === 'figure' && x.type === 'range' && x.text === '5%至6%')!;
    expect(range).toMatchObject({ value: '', low: '5', high: '6', unit: '%' });
    const date = rows.find((x) => x.kind === 'figure' && x.type === 'date' && x.id === 'terms-0305')!;
    expect(date.normalized).toBe('2024-03-05');
    for (const x of rows) for (const c of [x.date!, x.normalized!, x.low_normalized ?? '']) expect(c.startsWith("'"), c).toBe(false);
  });

  it('neutralises formula cells, also behind a NUL', () => {
    const hostile = rows.find((x) => x.id === 'terms-hostile')!;
    expect(hostile.url).toBe("'=1+1");
    expect(hostile.title).toBe('\'=HYPERLINK("http://evil.example","点击查看")');
  });
});

describe('corpus summary of dated news', () => {
  it('counts policy terms by month and a person written in both scripts once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-terms-'));
    const summary = join(dir, 'summary.json');
    const r = cli(['analyze', '--input-format', 'jsonl', '--date-field', 'date', '--format', 'jsonl', '--jobs', '1', '--summary', summary, NEWS[1]!]);
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(readFileSync(summary, 'utf8')) as CorpusSummaryRecord;
    const term = (t: string) => s.terms.find((x) => x.text === t);
    expect(term('新质生产力')).toMatchObject({ mentions: 3, documents: 3 });
    expect(term('新质生产力')!.months).toEqual([
      { month: '2024-03', mentions: 2, documents: 2 },
      { month: '2024-04', mentions: 1, documents: 1 },
    ]);
    expect(term('高质量发展')!.months).toEqual([
      { month: '2024-03', mentions: 2, documents: 2 },
      { month: '2024-04', mentions: 1, documents: 1 },
    ]);
    const people = s.entities.PER.map((e) => e.text);
    expect(people.filter((p) => p === '陈茂波' || p === '陳茂波')).toEqual(['陈茂波']);
    expect(s.entities.PER.find((e) => e.text === '陈茂波')).toMatchObject({ mentions: 2, documents: 2 });
  });
});
