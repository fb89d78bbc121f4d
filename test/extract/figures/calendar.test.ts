import { describe, expect, it } from 'vitest';
import { extractFigures, loadFigureLexicon } from '../../../src/extract/figures/index.js';
import type { FigureMatch } from '../../../src/extract/types.js';
import { named } from '../../helpers.js';
import { DictFolder } from '../../../src/dicts.js';

/** The package's figure tables. */
const lex = loadFigureLexicon(new DictFolder());

// Figures added for wider coverage: clock times inside dates, weekdays, lunar and era dates, decades,
// time ranges, temperatures, small change, mixed numbers, and numerals named by 是 / 前.
const run = (text: string, referenceYear: number | null = null): FigureMatch[] => extractFigures(text, { referenceYear, blocked: [] }, lex);
const spans = (text: string, ms: FigureMatch[]): string[] => ms.map((m) => text.slice(m.s, m.e));
function find(text: string, span: string, referenceYear: number | null = null): FigureMatch | undefined {
  return run(text, referenceYear).find((m) => text.slice(m.s, m.e) === span);
}

describe('figures: calendar and clock', () => {
  it.each([
    // a date with its time of day is one figure
    ['座谈会于2021年6月1日十点在区政府召开', '2021年6月1日十点', '2021-06-01T10'],
    ['3月2日上午9:30，第一批货物通关', '3月2日上午9:30', '--03-02T09:30'],
    ['定于5月8日晚上7点半开幕', '5月8日晚上7点半', '--05-08T19:30'],
    // clock minutes written with 点 are not decimals
    ['首班车9点45分从总站发出', '9点45分', 'T09:45'],
    ['上午8点30分准时开考', '上午8点30分', 'T08:30'],
    ['比赛于晚上八点零五分开始', '晚上八点零五分', 'T20:05'],
    ['九点一刻，救援队抵达现场', '九点一刻', 'T09:15'],
    // weekdays: TIMEX3 form of a week date with year and week unknown
    ['图书馆每逢星期三闭馆', '星期三', 'XXXX-WXX-3'],
    ['展览周六对公众开放', '周六', 'XXXX-WXX-6'],
    ['礼拜天照常营业', '礼拜天', 'XXXX-WXX-7'],
    ['窗口周三下午3点起办理', '周三下午3点', 'XXXX-WXX-3T15'],
    // a weekday in apposition stays with its date, whose value it does not change
    ['2022年8月11日 星期四', '2022年8月11日 星期四', '2022-08-11'],
    ['6月3日，星期五，全市降雨', '6月3日，星期五', '--06-03'],
    // lunar dates keep the lunar month and day as written
    ['农历八月十五是中秋节', '农历八月十五', '--08-15'],
    ['腊月二十三，家家户户过小年', '腊月二十三', '--12-23'],
    ['正月十五前后举办灯会', '正月十五', '--01-15'],
    ['农历2023年腊月廿三', '农历2023年腊月廿三', '2023-12-23'],
    ['该村十月初一举行祭祖活动', '十月初一', '--10-01'],
    // era names count their years from 元年
    ['这座石桥建于乾隆五年三月', '乾隆五年三月', '1740-03'],
    ['民国元年，学堂改名为中学', '民国元年', '1912'],
    ['老宅毁于民国三十八年', '民国三十八年', '1949'],
    ['光绪二十六年八月', '光绪二十六年八月', '1900-08'],
    // decades and centuries
    ['二十世纪八十年代，乡镇企业异军突起', '二十世纪八十年代', '198X'],
    ['1980年代的老厂房', '1980年代', '198X'],
    ['进入21世纪以来', '21世纪', '20XX'],
    // a two-digit year with its leading zero
    ['他09年大学毕业后回乡创业', '09年', '2009'],
  ] as const)('%s: %s = %s', (text, span, value) => {
    const m = find(text, span);
    expect(m, `${span} in ${JSON.stringify(spans(text, run(text)))}`).toBeDefined();
    expect([m!.type, m!.value, m!.unit]).toEqual(['date', value, null]);
  });

  it.each([
    ['上世纪80年代建成的厂房', '上世纪80年代', 2022, '198X'],
    ['上世纪80年代建成的厂房', '上世纪80年代', null, null],
    ['80年代的老照片', '80年代', 2022, null],
  ] as const)('%s: %s with reference year %s = %s', (text, span, year, value) => {
    expect(find(text, span, year)?.value).toBe(value);
  });

  it.each([
    ['上午9:00至11:30办理业务', '上午9:00至11:30', 'T09:00/T11:30'],
    ['晚上8点到10点实行交通管制', '晚上8点到10点', 'T20/T22'],
    ['下午2点到晚上9点开放', '下午2点到晚上9点', 'T14/T21'],
    ['营业时间8:30—17:00', '8:30—17:00', 'T08:30/T17:00'],
  ] as const)('time range: %s -> %s = %s', (text, span, value) => {
    const m = find(text, span);
    expect(m, JSON.stringify(spans(text, run(text)))).toBeDefined();
    expect([m!.type, m!.value, m!.unit]).toEqual(['range', value, null]);
  });

  it.each([
    ['每周一次例会'],
    ['一个星期一次'],
    ['今天下午'],
    ['上世纪末'],
    ['农历新年'],
    ['周年庆典'],
    ['礼拜堂'],
  ])('%s has no figure', (text) => {
    expect(spans(text, run(text))).toEqual([]);
  });

  it('a count after 每周 is no weekday: 每周三天 is three days', () => {
    const text = '志愿者每周三天到岗';
    expect(run(text).map((m) => [text.slice(m.s, m.e), m.type, m.value])).toEqual([['三天', 'quantity', 3]]);
  });

  it('two weekdays joined by 至 stay two dates', () => {
    const text = '周一至周五9点开馆';
    expect(spans(text, run(text))).toContain('周一');
    expect(spans(text, run(text))).toContain('周五9点');
  });
});

describe('figures: amounts and measures', () => {
  it.each([
    // temperatures: quantities with their unit; 零下 makes them negative
    ['最低气温零下12℃', '零下12℃', -12, '℃'],
    ['夜间气温降至零下5度', '零下5度', -5, '度'],
    ['当地最高气温达华氏100度', '华氏100度', 100, '华氏度'],
    ['水温保持在摄氏35度左右', '摄氏35度', 35, '摄氏度'],
    ['午后气温升至35度', '35度', 35, '度'],
    // 一 before a unit of measurement is an amount
    ['日处理垃圾一吨半', '一吨半', 1.5, '吨'],
    ['距离地铁站一公里', '一公里', 1, '公里'],
    ['体重增加了一公斤', '一公斤', 1, '公斤'],
    // pairs
    ['集体婚礼上30对新人喜结连理', '30对', 30, '对'],
    ['捐赠棉鞋两百双', '两百双', 200, '双'],
  ] as const)('%s: %s = %s %s', (text, span, value, unit) => {
    const m = find(text, span);
    expect(m, JSON.stringify(spans(text, run(text)))).toBeDefined();
    expect(m!.type).toBe('quantity');
    expect(m!.value as number).toBeCloseTo(value, 9);
    expect(m!.unit).toBe(unit);
  });

  it.each([
    ['早餐每份12元5角8分', '12元5角8分', 12.58],
    ['公交票价由2元调至3元5角', '3元5角', 3.5],
    ['每斤售价4元5毛', '4元5毛', 4.5],
  ] as const)('jiao and fen: %s -> %s = %s CNY', (text, span, value) => {
    const m = find(text, span);
    expect(m, JSON.stringify(spans(text, run(text)))).toBeDefined();
    expect([m!.type, m!.unit]).toEqual(['money', 'CNY']);
    expect(m!.value as number).toBeCloseTo(value, 9);
  });

  it.each([
    ['配方需加面粉2 1/4杯', '2 1/4', 2.25],
    ['误差约为.75毫米', '.75毫米', 0.75],
    ['读数下降到-.25', '-.25', -0.25],
    ['正确答案是七。', '七', 7],
    ['正确答案是七而不是八', '七', 7],
    ['该市经济总量位列全国前十', '十', 10],
    ['排名前三的企业均来自本市', '三', 3],
  ] as const)('%s: %s = %s', (text, span, value) => {
    const m = find(text, span);
    expect(m, JSON.stringify(spans(text, run(text)))).toBeDefined();
    expect(m!.value as number).toBeCloseTo(value, 9);
  });

  it.each([
    ['一是加快产业升级'],
    ['三是对标先进地区'],
    ['这是一件大事'],
    ['一对一帮扶'],
    ['洗干净一双手'],
    ['这个数等于10^6'],
    ['半成品仓库'],
  ])('%s has no figure', (text) => {
    expect(spans(text, run(text))).toEqual([]);
  });
});

describe('figures: odd input around calendar forms never throws', () => {
  it.each(named(['.', '周', '星期', '农历', '零下', '乾隆', '乾隆元', '2 1/', '上午9:00至', '8月11日，', '上世纪', '9点', '周一'.repeat(2000), '.5'.repeat(2000)]))(
    '%s',
    (_, text) => {
      let end = 0;
      for (const m of run(text)) {
        expect(m.s).toBeGreaterThanOrEqual(end);
        expect(m.e).toBeGreaterThan(m.s);
        expect(m.e).toBeLessThanOrEqual(text.length);
        end = m.e;
      }
    },
  );
});

