// Figure forms beyond the everyday news amount: ratios and scores, spans of years, months and
// temperatures, currencies named after the amount or by the document, colloquial and written-out money,
// approximate amounts, numerals read out digit by digit, and the news guidelines kept where other
// libraries read more.
import { describe, expect, it } from 'vitest';
import { documentCurrency, extractFigures, loadFigureLexicon } from '../../../src/extract/figures/index.js';
import type { FigureContext, FigureMatch } from '../../../src/extract/types.js';
import { DictFolder } from '../../../src/dicts.js';

/** The package's figure tables. */
const lex = loadFigureLexicon(new DictFolder());

const run = (text: string, ctx: Partial<FigureContext> = {}): FigureMatch[] =>
  extractFigures(text, { referenceYear: null, blocked: [], ...ctx }, lex);
const spans = (text: string, ms: FigureMatch[]): string[] => ms.map((m) => text.slice(m.s, m.e));
function only(text: string, span: string, ctx: Partial<FigureContext> = {}): FigureMatch {
  const ms = run(text, ctx).filter((m) => text.slice(m.s, m.e) === span);
  expect(ms, `${span} in ${text}: ${spans(text, run(text, ctx)).join(' | ')}`).toHaveLength(1);
  return ms[0]!;
}

describe('ratios and scores', () => {
  it.each([
    ['主队在加时赛中以3比1逆转取胜', '3比1', '3:1', 3, 1],
    ['两国代表团最终以二比零的比分结束了小组赛', '二比零', '2:0', 2, 0],
    ['新旧住房按1:1的面积置换', '1:1', '1:1', 1, 1],
    ['宣传片按16:9的画幅制作', '16:9', '16:9', 16, 9],
    ['地图比例尺为1:500', '1:500', '1:500', 1, 500],
    // 22:25 is a valid clock time: a results verb in the clause makes it a score
    ['女排在第四局以22:25告负', '22:25', '22:25', 22, 25],
  ])('%s -> %s = %s', (text, span, value, low, high) => {
    const m = only(text, span);
    expect([m.type, m.value, m.unit, m.low, m.high]).toEqual(['ratio', value, null, low, high]);
  });

  it.each([
    ['发布会于22:25开始', '22:25', 'T22:25'],
    ['末班车22:25发车', '22:25', 'T22:25'],
  ])('%s: a clock time with no sports word stays a time', (text, span, value) => {
    expect([only(text, span).type, only(text, span).value]).toEqual(['date', value]);
  });

  it('比 between a numeral and a comparison is no ratio (今年一季度比去年同期)', () => {
    const text = '今年一季度比去年同期多出两成';
    expect(run(text).some((m) => m.type === 'ratio')).toBe(false);
  });
});

describe('spans of years, months and temperatures: both ends normalised in low / high', () => {
  it.each([
    ['公司2023/24财年的营收创新高', '2023/24财年', '2023', '2024'],
    ['2023-24赛季联赛共有18支球队', '2023-24赛季', '2023', '2024'],
    ['该计划覆盖2024至25年度', '2024至25年度', '2024', '2025'],
    ['实施期为2024至25年', '2024至25年', '2024', '2025'],
    ['工程自2021年6月至2022年9月分段施工', '2021年6月至2022年9月', '2021-06', '2022-09'],
  ])('%s -> %s', (text, span, low, high) => {
    const m = only(text, span);
    expect([m.type, m.low, m.high]).toEqual(['range', low, high]);
  });

  it('2023/25 is no span of years (the second year must follow the first): it stays a fraction', () => {
    const text = '表格中的比值为2023/25';
    expect(only(text, '2023/25').type).toBe('number');
  });

  it('-3℃至+5℃: a temperature range with an explicit plus sign on the high end', () => {
    const m = only('明天白天气温-3℃至+5℃，有小雪', '-3℃至+5℃');
    expect([m.type, m.value, m.unit, m.low, m.high]).toEqual(['range', null, '℃', -3, 5]);
  });

  it.each([
    ['单笔奖励1万元--5万元不等', '1万元--5万元', 10000, 50000, 'CNY'],
    ['每人可获2——3万港币补贴', '2——3万港币', 20000, 30000, 'HKD'],
    ['报销额度在1万(含)-5万元之间', '1万(含)-5万元', 10000, 50000, 'CNY'],
    ['招聘启事写明可以开到10k~15k', '10k~15k', 10000, 15000, null],
  ])('%s: a doubled dash, a note (含) or bare magnitudes still join a range', (text, span, low, high, unit) => {
    const m = only(text, span);
    expect([m.type, m.value, m.low, m.high, m.unit]).toEqual(['range', null, low, high, unit]);
  });

  it('the doubled hyphen is no minus sign: nothing negative is read from 1万元--5万元', () => {
    expect(run('奖励1万元--5万元不等').every((m) => typeof m.value !== 'number' || m.value >= 0)).toBe(true);
  });

  it('—— between words stays punctuation', () => {
    expect(run('这就是答案——没有之一')).toEqual([]);
  });

  it('两个日期 of one range stay two dates, as the news guidelines mark them (5月19日至20日)', () => {
    const text = '展会将于10月26日至28日举行';
    expect(spans(text, run(text))).toEqual(['10月26日', '28日']);
  });
});

describe('money: currencies, written-out and colloquial sums', () => {
  it.each([
    ['这家企业在当地投资了三万元欧元', '三万元欧元', 30000, 'EUR'],
    ['她换了9000元日币带去旅行', '9000元日币', 9000, 'JPY'],
    ['该项目总额为新台币 177.1 亿元', '177.1 亿元', 17710000000, 'TWD'],
    ['俄方追加投资两个亿卢布', '两个亿卢布', 200000000, 'RUB'],
    ['支票大写金额为壹佰壹拾壹圆整', '壹佰壹拾壹圆整', 111, 'CNY'],
    ['发票上写着壹拾壹元壹角壹分', '壹拾壹元壹角壹分', 11.11, 'CNY'],
    ['本次共计收取六十四万零一百四十三元一角七分', '六十四万零一百四十三元一角七分', 640143.17, 'CNY'],
    ['一碗面卖十块三毛', '十块三毛', 10.3, 'CNY'],
    ['这件衣服花了一百三十五块六角七分钱', '一百三十五块六角七分钱', 135.67, 'CNY'],
  ])('%s -> %s', (text, span, value, unit) => {
    const m = only(text, span);
    expect(m.type).toBe('money');
    expect(m.value).toBeCloseTo(value, 6);
    expect(m.unit).toBe(unit);
  });

  it.each([
    ['一场婚礼下来要花几十万块。', '几十万块', 100000, 'CNY'],
    ['路边摊一天能挣三五百块', '三五百块', 300, 'CNY'],
    ['修一次要四五千块钱', '四五千块钱', 4000, 'CNY'],
    ['该片制作费高达八九亿韩元', '八九亿韩元', 800000000, 'KRW'],
    ['项目总投资数十亿元', '数十亿元', 1000000000, 'CNY'],
  ])('%s: an approximate amount keeps its magnitude and is marked approx', (text, span, value, unit) => {
    const m = only(text, span);
    expect([m.type, m.value, m.unit, m.approx]).toEqual(['money', value, unit, true]);
  });

  it('三块石头 counts stones: 块 is money only before change, 钱 or at a clause end after a round amount', () => {
    expect(run('院子里放着三块石头').some((m) => m.type === 'money')).toBe(false);
  });

  it.each([
    ['这份采购合同的总价为三百万', '三百万', 3000000],
    ['该岗位月薪15k左右', '15k', 15000],
    ['这套设备报价30w上下', '30w', 300000],
  ])('%s: a bare amount after a money noun is money', (text, span, value) => {
    const m = only(text, span);
    expect([m.type, m.value, m.unit]).toEqual(['money', value, 'CNY']);
  });

  it('a range of bare amounts after a money noun is a range in yuan', () => {
    const m = only('这个岗位月薪开到10k~15k', '10k~15k');
    expect([m.type, m.low, m.high, m.unit]).toEqual(['range', 10000, 15000, 'CNY']);
  });

  it('a money noun in another clause does not make a count money', () => {
    const text = '合同总价已经谈妥，参与的工人有三百万';
    expect(only(text, '三百万').type).toBe('number');
  });
});

describe('the currency of a bare 元 from the document', () => {
  it.each([
    [['香港特区政府今日公布财政预算案。', '每名合资格市民可获发5,000元电子消费券，款项以港元发放。'], 'HKD'],
    [['台北市政府宣布，', '明年起新台币计价的补助提高到每月3000元。'], 'TWD'],
    [['香港一家公司以5亿元人民币收购内地工厂，', '折合约5.4亿港元。'], null],
    [['香港迪士尼乐园今年游客人数回升。'], null],
    [[], null],
  ])('%j -> %s', (texts, code) => {
    expect(documentCurrency(texts, lex)).toBe(code);
  });

  it('the document currency replaces only a bare 元, never a named one', () => {
    const text = '门票每张639元，另有一批以人民币100元计价的套票，以及折合20美元的纪念品';
    const ms = run(text, { currency: 'HKD' });
    expect(ms.map((m) => [text.slice(m.s, m.e), m.unit])).toEqual([
      ['639元', 'HKD'],
      ['100元', 'CNY'],
      ['20美元', 'USD'],
    ]);
  });
});

describe('numerals read as numbers where only a number can stand', () => {
  it.each([
    ['这笔账最后核算下来的差额为负一。', '负一', -1],
    ['经过复核，这一栏的结果为零。', '零', 0],
    ['经过复核，这一栏的结果为〇。', '〇', 0],
    ['经过复核，这一栏的结果为十一。', '十一', 11],
    ['读数显示为一七二零点一三四。', '一七二零点一三四', 1720.134],
    ['他报出的房间号是一二三。', '一二三', 123],
  ])('%s -> %s = %d', (text, span, value) => {
    const m = only(text, span);
    expect([m.type, m.value]).toEqual(['number', value]);
  });

  it('a digit string inside words stays a code or nothing: 一二三产业, “一四四六”', () => {
    expect(run('推动一二三产业融合发展')).toEqual([]);
    expect(run('落实“一四四六”。')).toEqual([]);
  });

  it('a lone 大写 digit is a word unless it stands alone: 拾取 is no ten', () => {
    expect(run('他在路边拾取了一个钱包')).toEqual([]);
    expect(only('金额栏填写：壹。', '壹').value).toBe(1);
  });

  it.each([
    ['他跑完了两千米', '两千米', 2000, '米'],
    ['高速公路全长12千米', '12千米', 12, '千米'],
    ['买了半斤茶叶', '半斤', 0.5, '斤'],
  ])('%s -> %s = %d %s', (text, span, value, unit) => {
    const m = only(text, span);
    expect([m.type, m.value, m.unit]).toEqual(['quantity', value, unit]);
  });

  it('半成 is five per cent; 半成品 is no figure', () => {
    const m = only('利润率只提高了半成。', '半成');
    expect([m.type, m.value]).toEqual(['percent', 5]);
    expect(run('车间里堆着半成品')).toEqual([]);
  });

  it('廿二日 is a day of the month', () => {
    expect(only('廿二日上午，代表们分组讨论', '廿二日').value).toBe('---22');
  });

  it('上半年, 一半 and 多半 are no half amounts', () => {
    expect(run('上半年收入的一半多半用于研发')).toEqual([]);
  });

  it('三年以上十年以下: the 上 of 以上 hedges nothing after it', () => {
    const text = '依法可判三年以上十年以下的刑罚';
    expect(spans(text, run(text))).toEqual(['三年', '十年']);
    expect(only(text, '十年').approx).toBeUndefined();
  });
});

describe('ordinals of editions', () => {
  it.each([
    ['十四届运动会将在广东开幕', '十四届', 'ordinal', 14],
    ['这是他第三次来到这座城市', '第三次', 'ordinal', 3],
    ['这项赛事已经连续举办三届', '三届', 'quantity', 3],
  ])('%s -> %s %s', (text, span, type, value) => {
    const m = only(text, span);
    expect([m.type, m.value]).toEqual([type, value]);
  });

  it('十四届全国人大 is a name (the news guidelines), not a figure', () => {
    expect(run('十四届全国人大二次会议开幕')).toEqual([]);
  });
});

describe('the news guidelines, kept where other libraries read more', () => {
  it.each([['工厂新招了一批工人'], ['推出一系列惠民措施'], ['有一个问题需要说明']])('%s: the indefinite 一 + classifier is no figure', (text) => {
    expect(run(text)).toEqual([]);
  });

  it('二两 is two liang, never the digits 22', () => {
    expect(run('打了二两酒').some((m) => m.value === 22)).toBe(false);
  });
});

describe('odd input never throws', () => {
  it.each([['比'], [':'], ['3比'], ['比1'], ['1:'], ['--5'], ['——'], ['(含)-'], ['元欧元'], ['半'], ['2023/'], ['个亿'], ['w'], ['壹圆整']])('%j', (text) => {
    expect(() => run(text)).not.toThrow();
  });
});
