import { describe, expect, it } from 'vitest';
import {
  findFormulas, isDigitCode, isNumeralCode, isQuotedFormula, numberedShape, readsAsNumber,
} from '../../../src/extract/slogans/patterns.js';
import { findQuoted } from '../../../src/extract/slogans/quotes.js';
import { compact, toText } from '../../../src/extract/slogans/compact.js';

describe('readsAsNumber', () => {
  it.each<[string, boolean]>([
    ['十四', true], ['一千五百', true], ['二十三万', true], ['三', true], ['两百', true],
    ['十四五', false], ['一四四六', false], ['十三五', false], ['一三三五', false], ['四五', false],
  ])('%s -> %s', (run, expected) => expect(readsAsNumber(run)).toBe(expected));
});

describe('isNumeralCode', () => {
  it.each<[string, boolean, boolean]>([
    ['十四五', false, true], ['一四四六', false, true], ['百千万', false, true], ['千万', true, true],
    ['千万', false, false], ['五一', false, false], ['一千五百', true, false], ['十一', false, false],
    ['一带一路', false, false],
  ])('%s (suffix %s) -> %s', (run, suffix, expected) => expect(isNumeralCode(run, suffix)).toBe(expected));
});

describe('isDigitCode', () => {
  it.each<[string, string, boolean]>([
    ['1571', '工作部署', true], ['1335', '战略', true], ['12345', '热线', false], ['2035', '年远景目标', false],
    ['2025', '', false], ['5', '', false],
  ])('%s before %s -> %s', (s, after, expected) => expect(isDigitCode(s, after)).toBe(expected));
});

describe('formulas', () => {
  it.each<[string, string[]]>([
    ['发展5+5+7重点产业', ['5+5+7']],
    ['构建1+N政策体系', ['1+N']],
    ['1+1=2', []],
    ['5G+工业互联网', []],
    ['增长3.5+2个百分点', []],
    ['4·4·6布局', ['4·4·6']],
    ['5·12地震', []],
  ])('%s', (s, expected) => expect(findFormulas(s).map(([a, b]) => s.slice(a, b))).toEqual(expected));

  it.each<[string, boolean]>([
    ['1+N', true], ['4+4+6', true], ['1个中心+N个平台', true], ['人工智能+', false], ['5G+', false], ['5·12', false],
  ])('quoted %s -> %s', (s, expected) => expect(isQuotedFormula(s)).toBe(expected));
});

describe('numberedShape', () => {
  const stop = new Set(['一心一意', '三心二意', '五一']);
  it.each<[string, boolean]>([
    ['两新', true], ['六基', true], ['两个确立', true], ['七个更加', true], ['三大战略', true], ['新三样', true],
    ['一企一策', true], ['一项目一策', true], ['三去一降一补', true], ['双一流', true], ['五位一体', true],
    ['一家亲', false], ['一站式', false], ['一刻钟便民生活圈', false], ['十一连增', false], ['三年行动', false],
    ['一心一意', false], ['十四五', false], ['新一代', false], ['两岸关系和平发展', false], ['高效办成一件事', false],
  ])('%s -> %s', (s, expected) => expect(numberedShape(s, stop)).toBe(expected));
});

describe('findQuoted', () => {
  it.each<[string, string[]]>([
    ['以“微改革”探索', ['微改革']],
    ['“两新”“两重”', ['两新', '两重']],
    ['他说：“要落实‘六稳’要求”', ['要落实‘六稳’要求', '六稳']],
    ['「链主」企业和『标准地』', ['链主', '标准地']],
    ['推行"河长制"管理', ['河长制']],
    ['未闭合的“引号', []],
    ['“ 策 划 ”', ['策 划']],
  ])('%s', (text, expected) => expect(findQuoted(text).map((q) => text.slice(q.s, q.e))).toEqual(expected));
});

describe('compact', () => {
  it('maps compact ranges back over removed whitespace', () => {
    const c = compact('5+5\n+7 重点');
    expect(c.text).toBe('5+5+7重点');
    expect(toText(c, 0, 5)).toEqual({ s: 0, e: 6 });
  });
});
