import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFigures, loadFigureLexicon } from '../../../src/extract/figures/index.js';
import type { FigureMatch } from '../../../src/extract/types.js';
import { named } from '../../helpers.js';
import { DictFolder } from '../../../src/dicts.js';

/** The package's figure tables. */
const lex = loadFigureLexicon(new DictFolder());

const NO_CTX = { referenceYear: null, blocked: [] };
const run = (text: string, referenceYear: number | null = null): FigureMatch[] => extractFigures(text, { referenceYear, blocked: [] }, lex);
const spans = (text: string, ms: FigureMatch[]): string[] => ms.map((m) => text.slice(m.s, m.e));
function find(text: string, span: string, referenceYear: number | null = null): FigureMatch | undefined {
  return run(text, referenceYear).find((m) => text.slice(m.s, m.e) === span);
}

describe('figures: positives (span, type, value, unit)', () => {
  it.each([
    // quantities: measure word as unit
    ['全区共有513户居民参与验房', '513户', 'quantity', 513, '户'],
    ['当天共有330辆商用车集港', '330辆', 'quantity', 330, '辆'],
    ['培训班共吸纳学员22名', '22名', 'quantity', 22, '名'],
    ['全年出口汽车28500余辆', '28500余辆', 'quantity', 28500, '辆'],
    ['从两个方面提出要求', '两个', 'quantity', 2, '个'],
    ['建立三级培训体系', '三级', 'quantity', 3, '级'],
    ['连续5天开展集中检查', '5天', 'quantity', 5, '天'],
    ['邀请10位专家进行评审', '10位', 'quantity', 10, '位'],
    ['新签约项目26家', '26家', 'quantity', 26, '家'],
    ['组织开展培训3次', '3次', 'quantity', 3, '次'],
    ['全市新建学校17所', '17所', 'quantity', 17, '所'],
    ['改造老旧小区2.5万户', '2.5万户', 'quantity', 25000, '户'],
    ['今年修缮山区公路1.2万公里', '1.2万公里', 'quantity', 12000, '公里'],
    ['景区接待游客4200多人次', '4200多人次', 'quantity', 4200, '人次'],
    ['比去年同期回落0.8个百分点', '0.8个百分点', 'quantity', 0.8, '个百分点'],
    ['订单量连续两个月环比上升', '两个月', 'quantity', 2, '个月'],
    ['销售额同比增长2.3倍', '2.3倍', 'quantity', 2.3, '倍'],
    ['实施三年行动计划', '三年', 'quantity', 3, '年'],
    ['用了一年半时间完成', '一年半', 'quantity', 1.5, '年'],
    ['养殖面积达到3万亩', '3万亩', 'quantity', 30000, '亩'],
    ['建设高标准农田千亩', '千亩', 'quantity', 1000, '亩'],
    ['全市公交线路超过百条', '百条', 'quantity', 100, '条'],
    ['冷链专列累计开行超万列', '万列', 'quantity', 10000, '列'],
    ['港区年吞吐能力超千万标箱', '千万标箱', 'quantity', 10000000, '标箱'],
    ['梳理出8大类服务事项', '8大类', 'quantity', 8, '大类'],
    ['公司拟配售1.5亿股新股', '1.5亿股', 'quantity', 150000000, '股'],
    // a currency named before the number, a bare 元 after it
    ['项目总投资新台币50亿元', '50亿元', 'money', 5000000000, 'TWD'],
    ['门票价格为港币100元', '100元', 'money', 100, 'HKD'],
    ['折合人民币3.2亿元', '3.2亿元', 'money', 320000000, 'CNY'],
    // an acronym written against the number names the indicator
    ['全市人均GDP1.2万美元', '1.2万美元', 'money', 12000, 'USD'],
    ['RCEP15个成员国全部生效', '15个', 'quantity', 15, '个'],
    ['粮食产量实现“十二连增”', '十二连增', 'quantity', 12, '连增'],
    ['数十家企业参加招聘', '数十家', 'quantity', 10, '家'],
    ['十几个省份参与', '十几个', 'quantity', 10, '个'],
    ['海拔八千八百四十八米', '八千八百四十八米', 'quantity', 8848, '米'],
    ['全长12千米的快速路', '12千米', 'quantity', 12, '千米'],
    ['装机容量120万千瓦', '120万千瓦', 'quantity', 1200000, '千瓦'],
    ['庆祝建校七十周年', '七十周年', 'quantity', 70, '周年'],
    ['处理能力每天300吨', '300吨', 'quantity', 300, '吨'],
    ['比上年增长一倍', '一倍', 'quantity', 1, '倍'],
    // money: full amount, ISO code
    ['总投资5000万美元', '5000万美元', 'money', 50000000, 'USD'],
    ['全市经济总量达3.2万亿元', '3.2万亿元', 'money', 3.2e12, 'CNY'],
    ['全市财政总收入812亿元', '812亿元', 'money', 81200000000, 'CNY'],
    ['全区居民人均可支配收入为42,378元', '42,378元', 'money', 42378, 'CNY'],
    ['村集体收入超过百万元', '百万元', 'money', 1000000, 'CNY'],
    ['全年为企业减负超万亿元', '万亿元', 'money', 1e12, 'CNY'],
    ['利用外资860多亿美元', '860多亿美元', 'money', 86000000000, 'USD'],
    ['捐款二千六百五十五元', '二千六百五十五元', 'money', 2655, 'CNY'],
    ['合同金额约2.4亿欧元', '2.4亿欧元', 'money', 240000000, 'EUR'],
    ['当天汇率为7.1港元', '7.1港元', 'money', 7.1, 'HKD'],
    ['单价$25，运费另计', '$25', 'money', 25, 'USD'],
    ['投资逾8000万日元', '8000万日元', 'money', 80000000, 'JPY'],
    // percent: the number shown, unit %
    ['同比增长13.5%', '13.5%', 'percent', 13.5, null],
    ['覆盖率达到78%以上', '78%', 'percent', 78, null],
    ['增幅为百分之二十二', '百分之二十二', 'percent', 22, null],
    ['不良率控制在千分之三', '千分之三', 'percent', 0.3, null],
    ['近五成受访者表示满意', '五成', 'percent', 50, null],
    ['商品一律八折销售', '八折', 'percent', 80, null],
    ['会员享受8.5折优惠', '8.5折', 'percent', 85, null],
    ['占全省的七成六', '七成六', 'percent', 76, null],
    ['利润下降-2.3%', '-2.3%', 'percent', -2.3, null],
    // dates
    ['今年3月份，我区启动试点', '今年3月份', 'date', '2022-03', null],
    ['本报8月11日讯 今天下午', '8月11日', 'date', '2022-08-11', null],
    ['2022年是全面建设的关键一年', '2022年', 'date', '2022', null],
    ['决战四季度，确保完成全年目标', '四季度', 'date', '2022-Q4', null],
    ['2021年10月1日起施行', '2021年10月1日', 'date', '2021-10-01', null],
    ['会议于2023-05-18召开', '2023-05-18', 'date', '2023-05-18', null],
    ['一九四九年十月一日', '一九四九年十月一日', 'date', '1949-10-01', null],
    ['去年12月，项目正式开工', '去年12月', 'date', '2021-12', null],
    ['第三季度营收继续增长', '第三季度', 'date', '2022-Q3', null],
    ['2019年度考核结果', '2019年度', 'date', '2019', null],
    ['会议定于下午3点召开', '下午3点', 'date', 'T15', null],
    ['列车于8:30准时发车', '8:30', 'date', 'T08:30', null],
    // ranges
    ['1至7月份，口岸出口汽车', '1至7月份', 'range', '2022-01/2022-07', null],
    ['2021—2025年规划期内', '2021—2025年', 'range', '2021/2025', null],
    // ordinals
    ['（上接第一版）', '第一版', 'ordinal', 1, null],
    ['第一阶段工作已经完成', '第一阶段', 'ordinal', 1, null],
    ['2022年第二轮督察', '第二轮', 'ordinal', 2, null],
    ['综合实力跃居全省第八位', '第八位', 'ordinal', 8, null],
    ['产量位列全国第3位', '第3位', 'ordinal', 3, null],
    ['该市外贸出口额稳居全省第一。', '第一', 'ordinal', 1, null],
    ['园区一期工程已竣工验收', '一期', 'ordinal', 1, null],
    ['依照第二十四条规定', '第二十四条', 'ordinal', 24, null],
    // numbers: a count before a noun that is no measure word
    ['全省4800多万参保人受益', '4800多万', 'number', 48000000, null],
    ['覆盖上千万农户', '上千万', 'number', 10000000, null],
    ['解决十二亿人口的吃饭问题', '十二亿', 'number', 1200000000, null],
    ['圆周率约为3.14', '3.14', 'number', 3.14, null],
    ['只占三分之一', '三分之一', 'number', 1 / 3, null],
  ] as const)('%s: %s', (text, span, type, value, unit) => {
    const m = find(text, span, 2022);
    expect(m, `${span} in ${JSON.stringify(spans(text, run(text, 2022)))}`).toBeDefined();
    expect(m!.type).toBe(type);
    if (typeof value === 'number') expect(m!.value as number).toBeCloseTo(value, 9);
    else expect(m!.value).toBe(value);
    expect(m!.unit).toBe(unit);
  });

  // dev-derived entry removed; needs a general rule
  it.fails('安全生产考核实现“五连A”: 五连A', () => {
    const m = find('安全生产考核实现“五连A”', '五连A', 2022);
    expect(m).toBeDefined();
    expect([m!.type, m!.value, m!.unit]).toEqual(['quantity', 5, '连A']);
  });
});

describe('figures: hedges, ranges, indicators', () => {
  it.each([
    ['投资约300亿元', '300亿元'],
    ['超过200家企业参展', '200家'],
    ['经济增长5%左右', '5%'],
    ['覆盖率达到90%以上', '90%'],
    ['全天接待游客4200多人次', '4200多人次'],
    ['近千万元资金', '千万元'],
    ['逾百名专家', '百名'],
  ])('%s: %s is approximate, the outside hedge stays out of the span', (text, span) => {
    expect(find(text, span)?.approx).toBe(true);
  });

  it('a percent range keeps both ends and no single value', () => {
    const m = find('力争年均增长6%—6.5%。', '6%—6.5%')!;
    expect([m.type, m.value, m.low, m.high, m.unit]).toEqual(['range', null, 6, 6.5, '%']);
  });

  it('the low end of a range borrows the magnitude of the high end', () => {
    const m = find('补贴标准为20至30万元', '20至30万元')!;
    expect([m.low, m.high, m.unit]).toEqual([200000, 300000, 'CNY']);
  });

  it('two dates joined by 至 stay two dates', () => {
    const text = '论坛将于9月23日至24日在昆明举行';
    expect(run(text).map((m) => [text.slice(m.s, m.e), m.value])).toEqual([
      ['9月23日', '--09-23'],
      ['24日', '---24'],
    ]);
  });

  it.each([
    ['出口12.8万辆', '12.8万辆', 'export'],
    ['同比增长7.4%', '7.4%', 'growth_yoy'],
    ['工业产值增长9.2%', '9.2%', 'growth'],
    ['利用外资860多亿美元', '860多亿美元', 'fdi'],
    ['二季度调查失业率4.9%', '4.9%', 'unemployment'],
  ])('%s: %s measures %s', (text, span, indicator) => {
    expect(find(text, span)?.indicator).toBe(indicator);
  });

  it('a cue in an earlier clause does not carry over', () => {
    expect(find('出口增长，全年新建学校17所', '17所')?.indicator).toBeUndefined();
  });
});

describe('figures: negatives (idioms, slogans, names, indefinite 一)', () => {
  it.each([
    ['坚持“五位一体”总体布局'],
    ['深度融入“一带一路”'],
    ['谋划“十四五”重点任务'],
    ['一心一意谋发展'],
    ['不能三心二意'],
    ['天问一号成功着陆'],
    ['PM2.5浓度持续下降'],
    ['大力发展第三产业'],
    ['谋划储备一批民生项目'],
    ['出台一系列政策措施'],
    ['进一步深化改革'],
    ['新一代信息技术'],
    ['发放一次性补贴'],
    ['全国首批试点城市'],
    ['首位产业加快发展'],
    ['坚持一体推进'],
    ['上半年经济运行平稳'],
    ['今年以来，各项工作有序推进'],
    ['近日，记者走访了多家企业'],
    ['下一步，我们将加大力度'],
    ['认真领会十九届五中全会精神'],
    // A congress's ordinal is part of its name, as a term's is.
    ['九三学社第十二次全国代表大会在京开幕'],
    ['市第十三次党代会召开'],
    ['着手编制第十四个五年规划'],
    ['形成万亿级产业集群'],
    ['千方百计稳就业'],
    ['走进千家万户'],
    ['这个问题十分重要'],
    ['千万不要掉以轻心'],
    ['万一出现问题'],
    ['坚决落实“一四四六”总体思路'],
    ['四川省成都市'],
    ['统一部署、统一行动'],
    ['唯一的选择'],
    ['成为一个新的增长点'],
    ['确保5G网络全覆盖'],
    ['推动“5+5+7”工作落实'],
    ['一成不变的做法'],
    ['共和国之一'],
    ['地铁3号线开通'],
    ['二元结构逐步破除'],
    ['这一年来变化很大'],
    ['一点一滴做起'],
    ['三成为重点'],
    ['入伍时分'],
    ['内陆地区有许多盐湖'],
    ['精密零件加工企业'],
    ['防汛工作十万火急'],
    ['第二次世界大战结束后'],
    ['网上有人胡说八道'],
    ['千头万绪抓重点'],
    // codes: a number glued to letters with no unit after it
    ['PM2.5浓度持续下降'],
    ['G20峰会在杭州举行'],
    ['USB3.0接口全面普及'],
  ])('%s has no figure', (text) => {
    expect(spans(text, run(text))).toEqual([]);
  });

  it.each([
    ['经济总量接连跨过两个万亿元关口', '万亿元'],
    ['培育4个万亿级产业集群', '万亿级'],
    ['老校长给新教师上了一堂党课', '一堂'],
    ['今后一个时期的主要任务', '一个'],
    ['一股热潮正在兴起', '一股'],
    ['全市上万股民参与线上交易', '上万股'],
    ['汽车零部件企业加快转型', '零部'],
    ['三部门联合印发通知', '三部'],
  ])('%s: %s is no figure', (text, span) => {
    expect(spans(text, run(text))).not.toContain(span);
  });

  // dev-derived entry removed; needs a general rule
  it.fails('对学龄前一年幼儿免除保教费: 一年 is no figure', () => {
    const text = '对学龄前一年幼儿免除保教费';
    expect(spans(text, run(text))).not.toContain('一年');
  });
});

describe('figures: context', () => {
  it('no figure overlaps a blocked range (a slogan)', () => {
    const text = '实施十大创新工程，新建5个园区';
    const s = text.indexOf('十大创新');
    const ms = extractFigures(text, { referenceYear: null, blocked: [{ s, e: s + 4 }] }, lex);
    expect(spans(text, ms)).toEqual(['5个']);
  });

  it('a blocked range removes the figure it covers', () => {
    const text = '两个方面';
    expect(extractFigures(text, { referenceYear: null, blocked: [{ s: 0, e: 2 }] }, lex)).toEqual([]);
  });

  it('the reference year resolves 今年 and bare month-days', () => {
    expect(find('今年4月份', '今年4月份', 2023)?.value).toBe('2023-04');
    expect(find('8月11日', '8月11日', 2023)?.value).toBe('2023-08-11');
    expect(find('去年四季度', '去年四季度', 2023)?.value).toBe('2022-Q4');
  });

  it.each([
    ['10月份，全市家电出口稳中有升', '10月份', '--10'],
    ['省教育厅23日发布通知', '23日', '---23'],
    ['省政府新闻办昨天（6月14日）举行新闻发布会', '6月14日', '--06-14'],
    ['今年3月份启动', '今年3月份', '--03'],
  ])('without a reference year: %s -> %s = %s', (text, span, value) => {
    expect(find(text, span)?.value).toBe(value);
  });

  it('without a reference year a quarter has no value', () => {
    expect(find('一季度，财政收入回升', '一季度')?.value).toBeNull();
  });

  it('works on letter-spaced text in no-layout mode', () => {
    expect(find('下降 ３．６   个百分 点'.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)), '3.6   个百分 点')?.value).toBe(3.6);
  });

  it('list markers: the numeral inside the brackets is an ordinal', () => {
    const text = '（三）持续优化营商环境';
    expect(run(text).map((m) => [text.slice(m.s, m.e), m.type, m.value])).toEqual([['三', 'ordinal', 3]]);
  });
});

describe('figures: the seed page', () => {
  const raw = readFileSync(new URL('../../../fixtures/pages/qingdao-west-coast-2022-08.txt', import.meta.url), 'utf8');
  // A rough passage: the page with its whitespace removed (the layout stage does it properly).
  const text = raw.replace(/\s+/g, '');
  const found = spans(text, run(text, 2022));

  it.each([['今年3月份'], ['513户'], ['78%'], ['5000万美元'], ['1至7月份'], ['28500余辆'], ['13.5%'], ['第一阶段'], ['四季度'], ['第二轮']])(
    'finds %s',
    (span) => expect(found).toContain(span),
  );

  it.each([['十大创新'], ['一四四六'], ['5+5+7'], ['一次性'], ['进一步'], ['首批'], ['上半年']])('finds nothing inside %s', (word) => {
    for (const m of run(text, 2022)) {
      const at = text.indexOf(word);
      if (at >= 0) expect(m.e <= at || m.s >= at + word.length).toBe(true);
    }
  });
});

describe('figures: odd input never throws and keeps the invariants', () => {
  it.each([
    [''],
    [' '],
    ['\n\n'],
    ['、，。'],
    ['第'],
    ['百分之'],
    ['1至'],
    ['（一'],
    ['-'],
    ['负'],
    ['今年'],
    ['\uD800'],
    ['😀12个😀'],
    ['1'.repeat(5000)],
    ['一'.repeat(5000)],
    ['5个'.repeat(3000)],
    ['1,2,3,4,5,6'],
    ['9999999999999999999999999999999999999999亿元'],
  ].map(([text]) => named([text!])[0]!))('%s', (_, text) => {
    const ms = extractFigures(text, NO_CTX, lex);
    let end = 0;
    for (const m of ms) {
      expect(m.s).toBeGreaterThanOrEqual(end);
      expect(m.e).toBeGreaterThan(m.s);
      expect(m.e).toBeLessThanOrEqual(text.length);
      if (typeof m.value === 'number') expect(Number.isFinite(m.value)).toBe(true);
      end = m.e;
    }
  });
});
