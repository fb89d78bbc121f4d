// The pipeline as a library: named stages, the span invariant on every fixture and dev record,
// odd input never throws.

import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Pipeline, DEFAULT_OPTIONS, statedYear, type AnalyzeOptions } from '../src/pipeline.js';
import type { Segmenter, WordToken } from '../src/segment/segmenter.js';
import type { DocumentRecord } from '../src/types.js';
import { ROOT, SEED, expectSpansHold } from './helpers.js';

const page = new Pipeline({ ...DEFAULT_OPTIONS, tokens: true });
const running = new Pipeline({ ...DEFAULT_OPTIONS, layout: 'none', tokens: true });

describe('pipeline', () => {
  it('keeps the span invariant on every page fixture', () => {
    const dir = join(ROOT, 'fixtures', 'pages');
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(files).toContain('qingdao-west-coast-2022-08.txt');
    for (const f of files) {
      const raw = readFileSync(join(dir, f), 'utf8');
      const rec = page.analyze(f, raw);
      expect(expectSpansHold(raw, rec)).toBeGreaterThan(0);
    }
  });

  it('takes the document date as the year of 今年 and of month-day dates, and writes it to the record', () => {
    const raw = '今年3月5日，区政府召开会议，部署全年工作。';
    const dated = running.analyze('d', raw, { date: '2024-03-06' });
    expect(dated.date).toBe('2024-03-06');
    expect(dated.figures.find((f) => f.type === 'date')).toMatchObject({ text: '今年3月5日', value: '2024-03-05' });
    // --year still wins; without either the month-day date stays yearless and the record has no date.
    const year = new Pipeline({ ...DEFAULT_OPTIONS, layout: 'none', referenceYear: 2022 }).analyze('d', raw, { date: '2024-03-06' });
    expect(year.figures.find((f) => f.type === 'date')).toMatchObject({ value: '2022-03-05' });
    const bare = running.analyze('d', raw);
    expect(bare).not.toHaveProperty('date');
    expect(bare.figures.find((f) => f.type === 'date')).toMatchObject({ value: '--03-05' });
  });

  it('reads the dateline of running text: reporters, correspondents and date, the text left as it was', () => {
    const raw = '新华社杭州11月20日电（记者 王晓明 通讯员 李佳）浙江省今天召开推进会。\n会议要求各地抓好落实。';
    const rec = running.analyze('wire', raw);
    expect(rec.articles).toHaveLength(1);
    expect(rec.articles[0]).toMatchObject({ dateline: '11月20日', reporters: ['王晓明'], correspondents: ['李佳'], start: 0 });
    expect(rec.articles[0]!.paragraphs[0]).toBe('新华社杭州11月20日电（记者 王晓明 通讯员 李佳）浙江省今天召开推进会。');
    expect(rec.entities.filter((e) => e.type === 'PER').map((e) => e.text)).toEqual(['王晓明', '李佳']);
  });

  it('leaves the names of bylines and datelines out of the keywords', () => {
    const raw = '本报讯（记者 王晓明 通讯员 李佳）余杭区推进数字经济，余杭区数字经济核心产业增加值增长12%。';
    const rec = running.analyze('k', raw);
    expect(rec.articles[0]).toMatchObject({ reporters: ['王晓明'], correspondents: ['李佳'] });
    const words = rec.keywords.map((k) => k.word);
    expect(words).toContain('余杭区');
    expect(words).not.toContain('王晓明');
    expect(words).not.toContain('李佳');
  });

  it('reads the dateline and closing byline of Traditional running text, names in its own characters', () => {
    const rec = running.analyze('t', '新華社北京3月5日電（記者 張三 通訊員 陳靜）國務院總理今天作政府工作報告。\n會議強調要推動高質量發展。（記者 黃志強）');
    expect(rec.script).toBe('traditional');
    expect(rec.articles[0]).toMatchObject({ dateline: '3月5日', reporters: ['張三', '黃志強'], correspondents: ['陳靜'] });
  });

  it("gives a person's titles in the characters the text writes them", () => {
    const rec = running.analyze('t', '立法會主席梁君彥表示，將於下周召開會議。財政司司長、發言人陳茂波出席。');
    expect(rec.script).toBe('traditional');
    expect(rec.entities.find((e) => e.text === '梁君彥')).toMatchObject({ type: 'PER', titles: ['立法會主席'] });
    // Full-width letters in a title stay as written too (the analysis reads them folded: ABC公司).
    const wide = running.analyze('w', 'ＡＢＣ公司总经理王小明介绍了情况。');
    expect(wide.entities.find((e) => e.text === '王小明')).toMatchObject({ titles: ['ＡＢＣ公司总经理'] });
  });

  it('reads a bracketed byline closing running text', () => {
    const rec = running.analyze('t', '本报讯 一季度全市进出口总值同比增长9.1%。\n下一步将建设综合试验区。（记者 张三 通讯员 王五）');
    expect(rec.articles[0]).toMatchObject({ reporters: ['张三'], correspondents: ['王五'] });
  });

  it('finds the seed page reporters as people, in the byline, at their raw offsets', () => {
    const raw = readFileSync(SEED, 'utf8');
    const rec = page.analyze('seed', raw);
    const cps = [...raw];
    const liu = rec.entities.find((e) => e.text === '刘腾');
    expect(liu).toMatchObject({ type: 'PER', start: 9, end: 11 });
    expect(cps.slice(9, 11).join('')).toBe('刘腾');
  });

  it('reports offsets into the raw text across a hard line break', () => {
    const raw = '　　今年以来，青岛开发区紧扣高质\n量发展主线，出口商用车28500余\n辆，同比增长13.5%。\n';
    const rec = page.analyze('wrap', raw);
    expectSpansHold(raw, rec);
    const cps = [...raw];
    const f = rec.figures.find((x) => x.text === '28500余辆');
    if (f) expect(cps.slice(f.start, f.end).join('')).toBe('28500余\n辆');
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t　　\n'],
    ['punctuation', '。，、；：？！“”……——'],
    ['one character', '国'],
    ['latin', 'Hello World 2024'],
    ['astral', '𠀀𠀁𠀂 是三个扩展B汉字，共3个。'],
    ['control characters', 'a\u0000b\u0007c 第一\u200b版'],
    ['lone surrogate', 'ab\ud800cd 同比增长5%'],
    ['long line', '数字'.repeat(20000) + '3000万元'],
    ['CRLF page', '　　本报讯 新区召开会议。\r\n　　会议强调，要落实“5+5+7”重点产业。\r\n'],
  ])('does not throw on odd input: %s', (_name, raw) => {
    for (const p of [page, running]) {
      const rec = p.analyze('odd', raw);
      expect(rec.id).toBe('odd');
      expectSpansHold(raw, rec);
    }
  });

  it('can run with a fake segmenter (the seam for unit tests)', () => {
    const calls: string[] = [];
    const fake: Segmenter = {
      tag(text: string): WordToken[] {
        calls.push(text);
        return [...text].map((ch, i) => ({ word: ch, pos: 'x', s: i, e: i + 1 }));
      },
      addWords() {},
    };
    const p = new Pipeline({ ...DEFAULT_OPTIONS, layout: 'none', tokens: true }, { segmenter: fake });
    const rec = p.analyze('f', '新区\n邀请');
    expect(calls).toEqual(['新区', '邀请']);
    expect(rec.tokens!.map((t) => [t.text, t.start])).toEqual([['新', 0], ['区', 1], ['邀', 3], ['请', 4]]);
  });

  it('analyses a batch stage by stage into the same records as one document at a time, in order', () => {
    const dir = join(ROOT, 'fixtures', 'pages');
    const docs = [
      { id: 'seed', raw: readFileSync(join(dir, 'qingdao-west-coast-2022-08.txt'), 'utf8') },
      { id: 'story', raw: '新华社北京3月5日电（记者 张三）国家发展改革委主任郑栅洁在北京出席会议，全年新增就业1.2万人。' },
      { id: 'empty', raw: '' },
      { id: 'dated', raw: '今年3月5日，区政府召开会议，聚力发展“5+5+7”重点产业。', meta: { date: '2024-03-06' } },
      { id: 'trad', raw: readFileSync(join(dir, 'hong-kong-trade-2024-04.txt'), 'utf8') },
    ];
    const batch = page.analyzeMany(docs);
    expect(batch.map((r) => (r instanceof Error ? r : r.id))).toEqual(docs.map((d) => d.id));
    docs.forEach((d, i) => expect(batch[i]).toEqual(page.analyze(d.id, d.raw, d.meta)));
    // The batch did read each document for what it is (not one document's state leaking into another).
    const [seed, story, , dated] = batch as DocumentRecord[];
    expect(seed!.articles.length).toBeGreaterThan(3);
    expect(story!.articles[0]!.reporters).toEqual(['张三']);
    expect(dated!.date).toBe('2024-03-06');
    expect(story).not.toHaveProperty('date');
  });

  it('a document whose analysis throws in a batch gets its error; the others their records', () => {
    const bad = '这一段让分词器出错。';
    const failing: Segmenter = {
      tag(text: string): WordToken[] {
        if (text.includes('分词器出错')) throw new Error('segmenter broke');
        return [...text].map((ch, i) => ({ word: ch, pos: 'x', s: i, e: i + 1 }));
      },
      addWords() {},
    };
    const p = new Pipeline({ ...DEFAULT_OPTIONS, layout: 'none' }, { segmenter: failing });
    const out = p.analyzeMany([
      { id: 'a', raw: '全区新增就业1.2万人。' },
      { id: 'b', raw: bad },
      { id: 'c', raw: '增资5000万美元。' },
    ]);
    expect(out[1]).toBeInstanceOf(Error);
    expect((out[1] as Error).message).toBe('segmenter broke');
    expect((out[0] as DocumentRecord).figures.map((f) => f.text)).toEqual(['1.2万人']);
    expect((out[2] as DocumentRecord).figures.map((f) => [f.text, f.unit])).toEqual([['5000万美元', 'USD']]);
    // One document at a time, the error is thrown as before.
    expect(() => p.analyze('b', bad)).toThrow('segmenter broke');
  });

  it('skips disabled stages', () => {
    const p = new Pipeline({ ...DEFAULT_OPTIONS, layout: 'none', disable: ['figures', 'slogans'] });
    const rec = p.analyze('d', '聚力发展“5+5+7”重点产业，增资5000万美元。');
    expect(rec.figures).toEqual([]);
    expect(rec.slogans).toEqual([]);
  });

  it('finds an introduced person again where the name comes back bare, but not inside a longer name', () => {
    // Bare, 仉静 is not found by the tagger alone; next to a title it is. The second paragraph also
    // has 仉静怡, a different person whose name merely starts the same.
    const raw = '县政协党组书记、主席仉静出席会议并讲话。\n仉静在讲话中说，要抓好项目建设。仉静怡同志也参加了会议。';
    const rec = running.analyze('people', raw);
    const people = rec.entities.filter((e) => e.type === 'PER' && e.text === '仉静');
    expect(people.map((e) => e.start)).toEqual([10, 21]); // the second line starts at 21
    expect(people[0]!.titles).toEqual(['县政协党组书记', '主席']);
    expect(rec.entities.some((e) => e.start === raw.indexOf('仉静怡') && e.text === '仉静')).toBe(false);
    expectSpansHold(raw, rec);
  });

  it('keeps two reporters named in a letter-spaced dateline apart (regression: 孙立平黄敏 as one person)', () => {
    const raw = readFileSync(join(ROOT, 'fixtures', 'pages', 'smart-factory-single.txt'), 'utf8');
    const rec = page.analyze('smart-factory', raw);
    expect(rec.articles[0]!.reporters).toEqual(['孙立平', '黄敏']);
    const people = rec.entities.filter((e) => e.type === 'PER').map((e) => e.text);
    expect(people).toEqual(expect.arrayContaining(['孙立平', '黄敏']));
    expect(people).not.toContain('孙立平黄敏');
  });

  it('drops a figure that is part of an organisation name', () => {
    const rec = running.analyze('org', '杭州市第一人民医院今年完成手术3000余台。');
    expect(rec.entities.map((e) => [e.type, e.text])).toContainEqual(['ORG', '杭州市第一人民医院']);
    expect(rec.figures.map((f) => f.text)).toEqual(['3000余台']);
  });

  it.each([
    ['西海岸新区2022年基层社会治理培训班……启动2022年第二轮遴选', 2022],
    ['1998年和2022年各一次', 2022],
    ['没有年份', null],
  ])('statedYear(%j) = %j', (raw, year) => {
    expect(statedYear(raw)).toBe(year);
  });
});

// The dev sets live beside the repository (../shared); they are measured by run-dev.mjs, and here
// only checked for the span invariant, never for answers.
const EVAL = join(ROOT, '..', 'shared', 'eval');
describe.skipIf(!existsSync(EVAL))('span invariant on the dev sets (needs ../shared)', () => {
  const sets: [string, AnalyzeOptions['layout']][] = [
    ['ner/msra-dev.jsonl', 'none'],
    ['ner/pd-dev.jsonl', 'none'],
    ['figures/recognizers-zh-dev.jsonl', 'none'],
    ['news/news-dev.jsonl', 'none'],
    ['pages/pages-dev.jsonl', 'auto'],
  ];
  it.each(sets)('%s', (file, layout) => {
    const p = new Pipeline({ ...DEFAULT_OPTIONS, layout });
    const lines = readFileSync(join(EVAL, file), 'utf8').split('\n').filter((l) => l.trim());
    let spans = 0;
    for (const line of lines) {
      const { id, text } = JSON.parse(line) as { id: string; text: string };
      spans += expectSpansHold(text, p.analyze(id, text));
    }
    expect(spans).toBeGreaterThan(0);
  });
});
