// Keywords of news: no stoplist word, no name or word from a byline, dateline or editor line, and a
// policy term counted as its term. Over every fixture, and on sentences written for the case.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Pipeline, DEFAULT_OPTIONS } from '../../src/pipeline.js';
import { readDict } from '../../src/dicts.js';
import { loadLayoutCues } from '../../src/layout/cues.js';
import { ROOT } from '../helpers.js';
import { DictFolder } from '../../src/dicts.js';

/** The layout cues of the package's dicts/. */
const CUES = loadLayoutCues(new DictFolder());

const pipeline = new Pipeline(DEFAULT_OPTIONS);
const running = new Pipeline({ ...DEFAULT_OPTIONS, layout: 'none' });
const STOP = readDict('keywords-stopwords.txt', 2);

describe('the news stoplist', () => {
  it('gives every word a class from its header', () => {
    const classes = new Set(['time', 'scope', 'attribution', 'statistics', 'document', 'generic-action']);
    for (const row of STOP) expect(classes.has(row.fields[1]!), `keywords-stopwords.txt:${row.line}`).toBe(true);
    for (const w of ['同比', '报告', '地区', '建设', '年度', '表示', '责任编辑']) expect(STOP.map((r) => r.fields[0])).toContain(w);
  });

  it('keeps every stoplist word and every reporter out of each fixture document’s top 10', () => {
    const stop = new Set(STOP.map((r) => r.fields[0]!));
    const docs: [string, string][] = [];
    const pages = join(ROOT, 'fixtures', 'pages');
    for (const f of readdirSync(pages).filter((f) => f.endsWith('.txt'))) docs.push([f, readFileSync(join(pages, f), 'utf8')]);
    for (const f of ['snippets.jsonl', 'policy-terms.jsonl']) {
      for (const line of readFileSync(join(ROOT, 'fixtures', 'news', f), 'utf8').trim().split('\n')) {
        const { id, text } = JSON.parse(line) as { id: string; text: string };
        docs.push([id, text]);
      }
    }
    let keywords = 0;
    for (const [id, text] of docs) {
      const r = pipeline.analyze(id, text);
      const reporters = new Set(r.articles.flatMap((a) => [...a.reporters, ...a.correspondents]));
      for (const k of r.keywords.slice(0, 10)) {
        expect(stop.has(k.word), `${id}: ${k.word}`).toBe(false);
        expect(reporters.has(k.word), `${id}: ${k.word}`).toBe(false);
        keywords++;
      }
    }
    expect(keywords).toBeGreaterThan(50);
  });
});

describe('keywords of a wire story', () => {
  it('skip the dateline, the reporter and the editor line; a term variant counts as its term', () => {
    const text = '新华社杭州5月8日电（记者 钱晓峰）浙江省今年一季度集成电路产业营收同比增长两成，全省正加快发展新质生产力，集成电路企业订单饱满。（责任编辑：孟凡舒）';
    const words = running.analyze('wire', text).keywords.map((k) => k.word);
    expect(words).toContain('集成电路');
    expect(words).toContain('新质生产力');
    for (const w of ['新华社', '杭州', '钱晓峰', '孟凡舒', '同比', '发展新质生产力']) expect(words).not.toContain(w);
  });
});

describe('creditSpans', () => {
  it.each<[string, string[]]>([
    ['本报讯（记者 王晓明）全市新增绿地面积120公顷。', ['本报讯（记者 王晓明）']],
    ['全市新增绿地面积120公顷。（责任编辑：李明）', ['（责任编辑：李明）']],
    ['全市新增绿地面积120公顷。（来源：市园林局）', ['（来源：市园林局）']],
    ['全市新增绿地面积120公顷（含口袋公园）。', []],
    ['', []],
  ])('%s', (paragraph, expected) => {
    expect(CUES.creditSpans(paragraph).map(([s, e]) => paragraph.slice(s, e))).toEqual(expected);
  });
});
