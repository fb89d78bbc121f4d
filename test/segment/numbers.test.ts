import { describe, expect, it } from 'vitest';
import { numberSpans } from '../../src/segment/numbers.js';
import { foldWidth } from '../../src/text/chars.js';

const found = (text: string) => {
  const t = foldWidth(text);
  return numberSpans(t).map((n) => text.slice(n.s, n.e));
};

describe('numberSpans: the number words of a (width-folded) text', () => {
  it.each([
    ['前7个月同比增长13.5%', ['7', '13.5%']],
    ['增长１３．５％，高于全省平均', ['１３．５％']],
    ['全年出口商用车28500余辆', ['28500']],
    ['累计完成投资1824万元', ['1824万']],
    ['总投资3.06亿元，其中外资1.2万亿日元', ['3.06亿', '1.2万亿']],
    ['千分率降到10.42‰', ['10.42‰']],
    ['2000年12月31日晚', ['2000年', '12月', '31日']],
    ['６月份以来出口回升', ['６月份']],
    ['下午3时20分开幕', ['3时', '20分']],
    ['用了10年时间', ['10']],
    ['二○○一年新年贺词', ['二○○一年']],
    ['一九九八年是改革开放二十周年', ['一九九八年']],
    ['今天最低气温－5℃', ['－5']],
    ['夜间气温-3至2℃', ['-3', '2']],
    ['预计3-5天后到港', ['3', '5']],
    ['占全区面积的3/4', ['3/4']],
    ['模型比例为80∶1', ['80∶1']],
    ['上午10:30开始报名', ['10:30']],
    ['出口额达8·95%', ['8·95%']],
    ['增幅为百分之十二点六', ['百分之十二点六']],
    ['2．第二十八条规定', ['2']],
    ['全市共有12000年以上古树3棵', ['12000', '3']],
  ])('%s -> %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each(['', '   ', '没有数字的一句话', '百花齐放', '\u0000\uFFFF', '%%%‰'])('finds nothing in %j', (text) => {
    expect(numberSpans(text)).toEqual([]);
  });

  it('handles very long input and returns sorted, non-overlapping spans', () => {
    const text = '增长13.5%，出口28500余辆，2022年8月11日。'.repeat(20000);
    const spans = numberSpans(text);
    expect(spans.length).toBe(20000 * 5);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.s).toBeGreaterThanOrEqual(spans[i - 1]!.e);
  });
});
