import { describe, expect, it } from 'vitest';
import { lexNumeral, loadNumerals, parseNumeral } from '../../../src/extract/figures/numerals.js';
import { DictFolder } from '../../../src/dicts.js';

/** The numeral characters of the package's dicts/. */
const NUMS = loadNumerals(new DictFolder());

describe('parseNumeral', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['513', 513],
    ['13.5', 13.5],
    ['1,000', 1000],
    ['10,000.25', 10000.25],
    ['-3.2', -3.2],
    ['40k', 40000],
    ['2e5', 200000],
    ['二', 2],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百零五', 105],
    ['三千五百', 3500],
    ['两千四百五', 2450],
    ['九万四', 94000],
    ['百三', 130],
    ['两万三千零二十', 23020],
    ['一千零十二', 1012],
    ['四千万零六千', 40006000],
    ['五亿零六', 500000006],
    ['四万万', 400000000],
    ['一点七八万亿', 1.78e12],
    ['三点一四', 3.14],
    ['零点五', 0.5],
    ['5000万', 50000000],
    ['3.5亿', 350000000],
    ['14.2万亿', 14.2e12],
    ['5万4千6百', 54600],
    ['3万4000', 34000],
    ['1千零20', 1020],
    ['3亿5千万', 350000000],
    ['十多万', 100000],
    ['500余万', 5000000],
    ['二十几万', 200000],
    ['廿五', 25],
    ['卅', 30],
    ['肆佰陆拾', 460],
    ['壹万贰仟', 12000],
    ['负十二', -12],
    ['两千 四 百 五', 2450],
    ['二〇二二', 2022],
    ['一九四九', 1949],
    ['.75', 0.75],
    ['-.25', -0.25],
    // read out digit by digit with a decimal point: the digits before it are the integer part
    ['一七二零点一三四', 1720.134],
    ['负三六点五', -36.5],
    ['30w', 300000],
  ])('%s -> %d', (text, value) => {
    expect(parseNumeral(NUMS, text)).toBeCloseTo(value, 6);
  });

  it.each([['十十'], ['二四百'], ['一二三百'], ['陆'], ['拾'], ['abc'], [''], ['   '], ['五3'], ['点五']])('%s is not one number', (text) => {
    expect(parseNumeral(NUMS, text)).toBeNull();
  });
});

describe('lexNumeral', () => {
  it.each([
    ['一二百', 100],
    ['一两百', 100],
    ['三五百', 300],
    ['四五千', 4000],
    ['八九亿', 800000000],
    ['七八十', 70],
  ])('%s: neighbouring digits before a place word are an approximate amount, the lower reading (%d)', (text, value) => {
    const n = lexNumeral(NUMS, text, 0)!;
    expect([n.valid, n.approx, n.value, n.e]).toEqual([true, true, value, text.length]);
  });

  it('reads 60W as 60 (watts are no 万): only a lower-case w right after the digits is 万', () => {
    expect(lexNumeral(NUMS, '60W的灯泡', 0)!.value).toBe(60);
    expect(lexNumeral(NUMS, '30 w', 0)!.value).toBe(30);
  });

  it('reads a digit string of bare Chinese digits as digits, not a count', () => {
    const n = lexNumeral(NUMS, '一四四六总体思路', 0)!;
    expect(n.digits).toBe('1446');
    expect(n.e).toBe(4);
  });

  it('stops before a unit that starts with a place word (12千米 is 12 km)', () => {
    const t = '12千米';
    const n = lexNumeral(NUMS, t, 0, { unitAt: (p) => t.startsWith('千米', p) })!;
    expect(n.value).toBe(12);
    expect(n.e).toBe(2);
  });

  it('keeps a hedge inside the numeral (3500多)', () => {
    const n = lexNumeral(NUMS, '3500多人次', 0)!;
    expect([n.value, n.approx, n.e]).toEqual([3500, true, 5]);
  });

  it('does not join two Arabic numbers across a space', () => {
    expect(lexNumeral(NUMS, '314.15 六点二', 0)!.e).toBe(6);
  });

  it.each([
    ['9点45分', 1],
    ['八点零五分', 1],
    ['九点一刻', 1],
    ['三点一四', 4],
    ['3点5', 3],
  ])('%s: 点 before clock minutes is no decimal point (numeral ends at %d)', (text, e) => {
    expect(lexNumeral(NUMS, text, 0)!.e).toBe(e);
  });

  it('runs in linear time on a long run of digits', () => {
    const n = lexNumeral(NUMS, '9'.repeat(200_000), 0)!;
    expect(n.e).toBe(200_000);
  });
});
