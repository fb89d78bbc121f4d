// Measures that share a character with another reading: 两 as the weight liang, lengths of time written
// with 个 (一个月, 半个钟头), 分 as points, 对折 as half price, and dates of Tang-dynasty eras.
import { describe, expect, it } from 'vitest';
import { extractFigures, loadFigureLexicon } from '../../../src/extract/figures/index.js';
import type { FigureContext, FigureMatch } from '../../../src/extract/types.js';
import { DictFolder } from '../../../src/dicts.js';

/** The package's figure tables. */
const lex = loadFigureLexicon(new DictFolder());

const run = (text: string, ctx: Partial<FigureContext> = {}): FigureMatch[] =>
  extractFigures(text, { referenceYear: null, blocked: [], ...ctx }, lex);
const spans = (text: string): string[] => run(text).map((m) => text.slice(m.s, m.e));
function only(text: string, span: string): FigureMatch {
  const ms = run(text).filter((m) => text.slice(m.s, m.e) === span);
  expect(ms, `${span} in ${text}: ${spans(text).join(' | ')}`).toHaveLength(1);
  return ms[0]!;
}

describe('两 closing a numeral is the weight liang', () => {
  it.each([
    ['中午喝了二两白酒', '二两', 2],
    ['老中医每次只抓五两草药', '五两', 5],
    ['这块银锭重十两', '十两', 10],
    ['库房里存着三千两百两白银', '三千两百两', 3200],
  ])('%s -> %s = %s 两', (text, span, value) => {
    const m = only(text, span);
    expect([m.type, m.value, m.unit]).toEqual(['quantity', value, '两']);
  });

  it.each([
    '会上他只讲了三两句话', // two or three sentences
    '路上遇到一两个熟人', // one or two people
    '同学们两两结对练习', // in pairs
    '他四两拨千斤地化解了难题', // an idiom
    '2024两会期间代表们积极建言', // the Two Sessions after a year
  ])('%s: no liang', (text) => {
    expect(run(text).filter((m) => m.unit === '两')).toEqual([]);
  });

  it('a shortened last digit is still 二: 一百二 = 120', () => {
    expect(only('这批货一共一百二', '一百二').value).toBe(120);
  });
});

describe('lengths of time written with 个 count one', () => {
  it.each([
    ['项目试运行了一个月', '一个月', 1, '个月'],
    ['手术持续了一个小时', '一个小时', 1, '个小时'],
    ['他在门口等了一个钟头', '一个钟头', 1, '个钟头'],
    ['工人们连续奋战了两个星期', '两个星期', 2, '个星期'],
    ['旅行团在当地停留了半个月', '半个月', 0.5, '个月'],
    ['乘客半小时内全部通关', '半小时', 0.5, '小时'],
  ])('%s -> %s', (text, span, value, unit) => {
    const m = only(text, span);
    expect([m.type, m.value, m.unit]).toEqual(['quantity', value, unit]);
  });

  it.each(['改革进入了一个时期', '总有一天他会回来', '厂里来了一个新师傅', '社区一个星期一次组织义诊'])('%s: the indefinite 一个 and a frequency stay no figure', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('分 as points', () => {
  it.each([
    ['他在期末考试中考了95分', '95分', 95],
    ['裁判给出了8.5分的高分', '8.5分', 8.5],
    ['这套试卷满分一百分', '一百分', 100],
    ['两队分别积1分和0分', '1分', 1],
  ])('%s -> %s', (text, span, value) => {
    const m = only(text, span);
    expect([m.type, m.value, m.unit]).toEqual(['quantity', value, '分']);
  });

  it.each([
    ['这件事十分重要', []],
    ['他以3分2秒的成绩夺冠', ['3', '2秒']], // 3分2秒 is a time: 分 is not closed
    ['会议于9点30分开始', ['9点30分']],
    ['该药的有效率为三百分之一', ['三百分之一']],
  ])('%s: no points', (text, expected) => {
    expect(spans(text)).toEqual(expected);
    expect(run(text).filter((m) => m.unit === '分')).toEqual([]);
  });
});

describe('对折 after 打 is half price', () => {
  it('商场换季打对折 -> 50', () => {
    const m = only('商场换季商品一律打对折', '对折');
    expect([m.type, m.value]).toEqual(['percent', 50]);
  });

  it.each(['先把纸对折再剪开', '双方是多年的对手'])('%s: no discount', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('Tang-dynasty era dates', () => {
  it.each([
    ['此碑立于贞观元年', '贞观元年', '0627'],
    ['寺院重修于开元二十三年', '开元二十三年', '0735'],
    ['据记载，神龙二年正月初一举行了大典', '神龙二年正月初一', '0706-01-01'],
  ])('%s -> %s = %s', (text, span, value) => {
    const m = only(text, span);
    expect([m.type, m.value]).toEqual(['date', value]);
  });

  it('an era name that is also a company name, before an Arabic year, is no era: 长庆油田2023年', () => {
    expect(spans('长庆油田2023年产量创新高')).toEqual(['2023年']);
  });
});
