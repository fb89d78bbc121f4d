// Page layout: small hand-written pages for each decision the stage makes, the fixture pages, the
// founding seed page, and a sweep of bad inputs. Every result is checked against the span invariant.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutPage, looksLikePage } from '../../src/layout/page.js';
import type { LayoutResult } from '../../src/layout/types.js';
import { loadLayoutCues } from '../../src/layout/cues.js';
import { ROOT, SEED } from '../helpers.js';
import { DictFolder } from '../../src/dicts.js';

/** The layout cues of the package's dicts/. */
const CUES = loadLayoutCues(new DictFolder());

const squeeze = (s: string) => s.replace(/\s+/gu, '');
const page = (name: string) => readFileSync(join(ROOT, 'fixtures', 'pages', name), 'utf8');

/** Every passage maps back to its raw characters; articles cover their own passages. */
function expectLayoutHolds(raw: string, r: LayoutResult): void {
  const cps = [...raw];
  for (const p of r.passages) {
    expect(p.text.length).toBe(p.map.length);
    expect(p.norm.length).toBe(p.text.length);
    let sorted = true;
    for (let i = 1; i < p.map.length; i++) if (p.map[i]! < p.map[i - 1]!) sorted = false;
    expect(sorted).toBe(true);
    if (p.text.length === 0) continue;
    const s = p.map[0]!;
    const e = p.map[p.map.length - 1]! + 1;
    expect(squeeze(cps.slice(s, e).join(''))).toBe(squeeze(p.text));
    expect(p.article).toBeLessThan(r.articles.length);
  }
  r.articles.forEach((a, k) => {
    expect(a.end).toBeGreaterThan(a.start);
    expect(a.end).toBeLessThanOrEqual(cps.length);
    for (const p of r.passages.filter((q) => q.article === k && (q.kind === 'paragraph' || q.kind === 'byline'))) {
      expect(p.map[0]!).toBeGreaterThanOrEqual(a.start);
      expect(p.map[p.map.length - 1]!).toBeLessThan(a.end);
    }
    // No layout whitespace left in paragraphs, except between Latin words.
    for (const para of a.paragraphs) expect(para).not.toMatch(/[\u3000\n\r\t]|(?<![A-Za-z0-9]) | (?![A-Za-z0-9])/u);
  });
}

describe('layoutPage: line-break decisions', () => {
  it('attaches a headline printed after its body to that body', () => {
    const raw = [
      '　　□记者 赵文静 报道',
      '　　本报讯 日前，东湖公园夜间',
      '灯光秀正式亮相，吸引大批市民前',
      '来观赏。灯光秀每晚7时开始，持续',
      '至22时。',
      '',
      '东湖公园灯光秀亮相',
      '',
      '　　□本报记者 钱多多',
      '　　本报6月2日讯 今年以来，我市',
      '新增城市绿道46公里，串联起沿河',
      '公园和街头游园。',
    ].join('\n');
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    expect(r.articles.map((a) => a.title)).toEqual(['东湖公园灯光秀亮相', null]);
    expect(r.articles.map((a) => a.reporters)).toEqual([['赵文静'], ['钱多多']]);
    expect(r.articles[1]!.dateline).toBe('6月2日');
  });

  it('joins a two-line headline printed before its body', () => {
    const raw = [
      '城北街道老旧小区改造',
      '惠及两千余户居民',
      '　　□记者 刘芳',
      '　　本报讯 近日，城北街道6个老',
      '旧小区改造工程全面完工，2100余',
      '户居民从中受益。',
    ].join('\n');
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]!.title).toBe('城北街道老旧小区改造惠及两千余户居民');
    expect(r.passages.filter((p) => p.kind === 'headline')).toHaveLength(1);
  });

  it.each([
    ['mid-sentence', ['　　记者在现场看到，新能源电池', '材料项目已完成场地', '', '平整，十余台挖掘机正在作业。']],
    ['after a full stop', ['　　记者在现场看到，项目已完成场', '地平整。', '', '十余台挖掘机正在紧张作业，预计', '年底前完成主体工程。']],
  ])('keeps a paragraph whole across a column break (%s)', (_name, lines) => {
    const raw = lines.join('\n');
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]!.paragraphs).toEqual([squeeze(raw)]);
  });

  it.each([
    ['智 造 ” App 即 可 在 线 办 理 ，', '智造”App即可在线办理，'],
    ['包 括 iPhone 15 Pro 在 内 的 多 款', '包括iPhone 15 Pro在内的多款'],
    ['英 国 BBC 广 播 公 司 援 引 消 息 称 ，两 国', '英国BBC广播公司援引消息称，两国'],
  ])('removes letter-spacing but keeps spaces between Latin words: %s', (spaced, clean) => {
    const raw = `　　据介绍，企业通过“滨江\n${spaced}\n全部手续已经简化。`;
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    expect(r.articles[0]!.paragraphs[0]).toBe(`据介绍，企业通过“滨江${clean}全部手续已经简化。`);
  });

  it('reads a continuation fragment: opening and closing markers are not paragraph text', () => {
    const raw = [
      '（上接第一版）在政策支持方面，',
      '区财政今年安排专项资金2.6亿元。',
      '　　与此同时，区里还将组织银企',
      '对接会，力争全年新增贷款50亿元。',
      '（下转第四版）',
    ].join('\n');
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    expect(r.articles).toHaveLength(1);
    const a = r.articles[0]!;
    expect(a.continued_from).toBe('第一版');
    expect(a.title).toBeNull();
    expect(a.paragraphs).toEqual(['在政策支持方面，区财政今年安排专项资金2.6亿元。', '与此同时，区里还将组织银企对接会，力争全年新增贷款50亿元。']);
    expect(r.passages.filter((p) => p.kind === 'marker').map((p) => p.text)).toEqual(['（上接第一版）', '（下转第四版）']);
  });

  it('starts a new article where a finished paragraph, a blank line and an indented line meet', () => {
    const raw = [
      '　　今年以来，我市新增城市绿道46',
      '公里，串联起沿河公园和街头游园。',
      '',
      '　　近日，城西中学举行首届校园科',
      '技节，展出学生发明作品120余件。',
      '',
      '城西中学举办校园科技节',
    ].join('\n');
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    expect(r.articles.map((a) => [a.title, a.paragraphs.length])).toEqual([[null, 1], ['城西中学举办校园科技节', 1]]);
  });

  it('keeps a kicker with the title below it when it follows another headline', () => {
    const raw = [
      '　　会议还研究了其他事项。',
      '',
      '全市安全生产工作会议召开',
      '筑牢城市安全防线———',
      '应急管理局启动汛前大检查',
      '　　□记者 吴敏',
      '　　本报讯 昨天，市应急管理局召开',
      '会议，部署汛前安全大检查工作。',
    ].join('\n');
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    const heads = r.passages.filter((p) => p.kind === 'headline' || p.kind === 'subtitle').map((p) => [p.kind, p.text]);
    expect(heads).toEqual([
      ['headline', '全市安全生产工作会议召开'],
      ['subtitle', '筑牢城市安全防线———'],
      ['headline', '应急管理局启动汛前大检查'],
    ]);
    expect(r.articles[1]).toMatchObject({ title: '应急管理局启动汛前大检查', subtitle: '筑牢城市安全防线', reporters: ['吴敏'] });
  });

  it('takes a question printed wider than the column for a headline', () => {
    const raw = [
      '　　□记者 周涛',
      '　　本报讯 近日，市民王女士',
      '反映小区快递柜超时收费标准',
      '不透明，多次咨询无果。',
      '小区快递柜超时收费，标准究竟由谁来定？',
      '　　□记者 郑洁',
      '　　本报讯 记者从市交通运',
      '输局获悉，本月起我市新开通',
      '公交线路3条。',
    ].join('\n');
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    expect(r.passages.filter((p) => p.kind === 'headline').map((p) => p.text)).toEqual(['小区快递柜超时收费，标准究竟由谁来定？']);
    expect(r.articles.map((a) => a.paragraphs.length)).toEqual([1, 1]);
  });

  it('drops page furniture (版头, 责任编辑)', () => {
    const raw = ['第3版　综合', '2023年5月16日　星期二', '', '　　本报讯 市图书馆新馆今天开', '馆试运行。', '', '责任编辑：赵丽'].join('\n');
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]!.paragraphs).toEqual(['本报讯市图书馆新馆今天开馆试运行。']);
    expect(r.passages.some((p) => p.text.includes('责任编辑') || p.text.includes('星期二'))).toBe(false);
  });
});

describe('layoutPage: fixture pages', () => {
  it('binjiang-district-2023-05: headline after body, two-line headline, fragment', () => {
    const raw = page('binjiang-district-2023-05.txt');
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    expect(r.articles.map((a) => [a.title, a.reporters, a.correspondents, a.dateline, a.continued_from, a.paragraphs.length])).toEqual([
      ['滨江区32个重点项目集中开工', ['王晓峰'], ['陈静'], '5月15日', null, 3],
      ['城北街道老旧小区改造惠及两千余户居民', ['刘芳'], [], null, null, 2],
      [null, [], [], null, '第一版', 2],
    ]);
    // The column break in paragraph 2 and the letter-spaced line in paragraph 3 are gone.
    expect(r.articles[0]!.paragraphs[1]).toContain('已完成场地平整，十余台挖掘机');
    expect(r.articles[0]!.paragraphs[2]).toContain('“滨江智造”App即可在线办理');
  });

  it('smart-factory-single: one article, kicker subtitle, agency dateline with reporters', () => {
    const raw = page('smart-factory-single.txt');
    expect(looksLikePage(raw, CUES)).toBe(true);
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    expect(r.articles).toHaveLength(1);
    const a = r.articles[0]!;
    expect(a).toMatchObject({
      title: '智能工厂“点亮”长三角',
      subtitle: '科技赋能制造业转型升级',
      reporters: ['孙立平', '黄敏'],
      dateline: '3月5日',
    });
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[0]!.startsWith('新华社上海3月5日电（记者孙立平黄敏）走进')).toBe(true);
    expect(a.paragraphs[1]).toContain('包括iPhone 15 Pro在内');
    expect(r.passages.find((p) => p.kind === 'subtitle')!.text).toBe('科技赋能制造业转型升级———');
  });
});

describe('layoutPage: a page with a caption, a dash-led subtitle and a combined header line', () => {
  const raw = page('smart-manufacturing-2024-03.txt');
  const r = layoutPage(raw, CUES);

  it('finds the two articles, with the subtitle printed under the title apart from it', () => {
    expectLayoutHolds(raw, r);
    expect(r.articles.map((a) => [a.title, a.subtitle, a.reporters, a.correspondents, a.dateline, a.paragraphs.length])).toEqual([
      ['聚焦新质生产力智能制造“新引擎”跑出加速度', '全市制造业数字化转型调查', ['郑雨桐', '韩蕾'], [], '3月5日', 2],
      ['市人民医院互联网医院上线', null, ['孙悦'], ['陈默'], null, 2],
    ]);
    expect(r.articles[0]!.paragraphs[1]).toContain('关键工序数控化率达到68.5%');
  });

  it('keeps the photo caption out of every article but reads its text', () => {
    const caption = r.passages.filter((p) => p.kind === 'caption');
    expect(caption.map((p) => p.text)).toEqual(['图为工人在生产线上作业。本报记者王伟摄']);
    expect(caption[0]!.article).toBe(-1);
    expect(r.articles.flatMap((a) => a.paragraphs).some((p) => p.includes('图为'))).toBe(false);
  });

  it('gives the closing marker after the caption to the article before it, and drops the header lines', () => {
    const marker = r.passages.find((p) => p.kind === 'marker')!;
    expect(marker.article).toBe(1);
    expect(r.articles[1]!.end).toBe([...raw].length - 1);
    // "04 要闻" and "2024年3月6日 星期三 责任编辑：李明 美编：张华" are page furniture: no passage holds them.
    expect(r.passages.some((p) => /要闻|责任编辑/.test(p.text))).toBe(false);
  });
});

describe('layoutPage: a page laid out with spaces, its headlines centred', () => {
  const raw = page('centred-layout-2024-06.txt');
  const r = layoutPage(raw, CUES);

  it('takes centred lines for headlines and a dash-led subtitle, not for indented paragraphs', () => {
    expectLayoutHolds(raw, r);
    expect(r.articles.map((a) => [a.title, a.subtitle, a.reporters, a.correspondents, a.paragraphs.length])).toEqual([
      ['多措并举稳就业', '我市今年前5个月城镇新增就业3.2万人', ['陈晨'], ['赵磊'], 2],
      ['老旧小区改造加速推进', null, ['孙悦'], [], 1],
    ]);
    expect(r.articles[0]!.paragraphs[1]).toBe('据介绍，市人社局联合市财政局出台了12条稳岗措施，向企业发放稳岗返还资金1.8亿元，惠及企业1.2万家。');
  });

  it('drops the header: a date line ending in the page number, the section name, the editors', () => {
    expect(r.passages.some((p) => /星期三|综合新闻|责任编辑/.test(p.text))).toBe(false);
    const caption = r.passages.filter((p) => p.kind === 'caption');
    expect(caption.map((p) => p.article)).toEqual([-1]);
  });
});

describe('layoutPage: a commentary with a writer\'s credit and a news digest', () => {
  const raw = page('city-digest-2024-04.txt');
  const r = layoutPage(raw, CUES);

  it('reads 文/周晓川 as a byline that names no reporter, not as part of the title', () => {
    expectLayoutHolds(raw, r);
    expect(r.articles[0]).toMatchObject({ title: '让“一件事”办得更顺心', reporters: [], correspondents: [] });
    expect(r.articles[0]!.paragraphs).toHaveLength(2);
  });

  it('opens a paragraph at each bullet of the digest, without the bullet, and keeps the digest apart', () => {
    expect(r.articles).toHaveLength(2);
    expect(r.articles[1]).toMatchObject({
      title: '简讯',
      reporters: ['林芳'],
      paragraphs: ['4月1日，市图书馆新馆正式开放，首批上架图书80万册。', '市统计局发布数据显示，一季度全市社会消费品零售总额同比增长7.2%。'],
    });
    expect(r.articles[0]!.paragraphs[1]!.endsWith('才能让便民服务更有温度。')).toBe(true);
  });
});

describe('layoutPage: bylines in brackets closing an article', () => {
  const raw = [
    '第5版　经济',
    '2024年4月9日　星期二',
    '',
    '外贸开局稳中有进',
    '　　本报讯　一季度全市进出口总值',
    '1268.3亿元，同比增长9.1%。（记者',
    '张三　李四　通讯员　王五）',
    '',
    '服务业回暖',
    '　　本报讯　一季度全市服务业增加值',
    '增长6.2%。（记者　宗武邦）',
    '',
  ].join('\n');
  const r = layoutPage(raw, CUES);

  it('reads the names, even when the byline wraps, and the next headline starts a new article', () => {
    expectLayoutHolds(raw, r);
    expect(r.articles.map((a) => [a.title, a.reporters, a.correspondents, a.paragraphs.length])).toEqual([
      ['外贸开局稳中有进', ['张三', '李四'], ['王五'], 1],
      ['服务业回暖', ['宗武邦'], [], 1],
    ]);
    // The byline is printed in the paragraph and stays there.
    expect(r.articles[1]!.paragraphs[0]).toBe('本报讯一季度全市服务业增加值增长6.2%。（记者宗武邦）');
  });
});

describe('layoutPage: a Traditional-Chinese page', () => {
  it('reads its cues through a Simplified copy and keeps its own characters in titles and names', () => {
    const raw = page('hong-kong-trade-2024-04.txt');
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]).toMatchObject({
      title: '香港外貿開局穩中有進',
      reporters: ['陳大文', '黃志強'],
      correspondents: ['李小明'],
      dateline: '4月8日',
    });
    expect(r.articles[0]!.paragraphs[0]!.startsWith('本報4月8日訊首季香港進出口總值')).toBe(true);
    // 責任編輯：張三 is page furniture, as 责任编辑 is.
    expect(r.passages.some((p) => p.text.includes('張三'))).toBe(false);
  });
});

describe('layoutPage: Traditional datelines cut articles as Simplified ones do', () => {
  it('starts a new article at a second dateline with no headline between', () => {
    const raw = ['第3版　綜合', '', '香港外貿開局穩中有進', '　　本報4月8日訊　首季香港進出口總值', '同比增長9.1%。', '　　本報4月8日訊　特區政府今天公佈', '失業率為2.9%。', ''].join('\n');
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    expect(r.articles.map((a) => [a.dateline, a.paragraphs.length])).toEqual([['4月8日', 1], ['4月8日', 1]]);
  });
});

describe('layoutPage: pages pieced together at random from awkward lines', () => {
  // Captions, bullets, dash-led subtitles, wrapped and closing bylines, markers and furniture in every
  // order: whatever the layout decides, every passage and article must still map onto the raw page.
  const lines = [
    '　　本报讯 市政府召开会议，', '部署全年工作。', '图为工人在作业。本报记者 王伟 摄', '●4月1日，新馆开放，',
    '■本报记者 孙悦', '——全市调查', '（下转第二版）', '（上接第一版）', '', '智能制造跑出加速度',
    '增长6.2%。（记者 宗武邦）', '（记者', '张三 李四）', '2024年3月6日 星期三 责任编辑：李明', '04 要闻',
    '文/周晓川', '　　', '● ', '摄', '——', '图为', '　　据介绍，该平台首批开通18个科室。',
  ];
  it('keeps every passage and article on the raw page for 1,500 of them', () => {
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (let k = 0; k < 1500; k++) {
      const raw = Array.from({ length: 1 + next(14) }, () => lines[next(lines.length)]!).join('\n');
      const r = layoutPage(raw, CUES);
      const cps = [...raw];
      for (const p of r.passages) {
        expect(p.map.length).toBe(p.text.length);
        if (!p.text) continue;
        // The raw stretch a passage covers holds its text and nothing else (no line left out inside it).
        expect(squeeze(cps.slice(p.map[0]!, p.map[p.map.length - 1]! + 1).join('')), raw).toBe(squeeze(p.text));
        expect(p.article).toBeLessThan(r.articles.length);
      }
      for (const a of r.articles) {
        expect(a.end).toBeGreaterThan(a.start);
        expect(a.end).toBeLessThanOrEqual(cps.length);
      }
    }
  });
});

describe('layoutPage: the seed page', () => {
  const raw = readFileSync(SEED, 'utf8');
  const r = layoutPage(raw, CUES);

  it('keeps the invariant on every passage', () => expectLayoutHolds(raw, r));

  it('finds its 8 articles with titles, bylines, datelines and markers', () => {
    expect(r.articles.map((a) => [a.title, a.reporters, a.correspondents, a.dateline, a.continued_from, a.paragraphs.length])).toEqual([
      ['“微改革”助推大发展', ['刘腾'], [], null, null, 5],
      [null, ['刘腾'], [], '8月11日', null, 2],
      [null, ['李涛'], [], null, null, 2],
      ['国产商用车“排队”出海', ['丁晓慧'], ['任保龙'], null, null, 1],
      [null, [], [], null, '第一版', 4],
      ['把“红色引擎”建在产业链上', [], [], null, '第一版', 2],
      ['始终保持昂扬向上精神状态奋力完成全年各项目标任务', [], [], null, '第一版', 1],
      ['坚决落实“一四四六”总体思路推动工作走在前列示范引领', [], [], null, '第一版', 4],
    ]);
    expect(r.articles[0]!.subtitle).toBe('探索在线验房、试行产业发展顾问、推行全链服务……青岛开发区');
  });

  // The seed gold keeps every headline out of the spans; the dev pages put a headline printed
  // against its body inside. We follow the dev pages: a headline with only blank lines between it
  // and its body widens the span, one printed elsewhere (“微改革”助推大发展) does not. Either way
  // every span overlaps the seed gold by far more than the 80% the page scorer asks.
  it('spans run from the first line of the article (headline against it included) to its last', () => {
    expect(r.articles.map((a) => [a.start, a.end])).toEqual([
      [3, 1019], [1022, 1372], [1376, 1652], [1656, 1867], [1881, 2395], [2397, 2845], [2876, 3275], [3277, 3800],
    ]);
    const gold = [[3, 985], [1022, 1372], [1376, 1652], [1656, 1853], [1881, 2395], [2411, 2845], [2903, 3275], [3277, 3800]];
    r.articles.forEach((a, k) => {
      const [s, e] = gold[k]!;
      const overlap = Math.min(a.end, e!) - Math.max(a.start, s!);
      expect(overlap / (a.end - a.start)).toBeGreaterThan(0.9);
      expect(overlap / (e! - s!)).toBeGreaterThan(0.9);
    });
  });

  it('keeps datelines in the first paragraph and joins column breaks', () => {
    expect(r.articles[1]!.paragraphs[0]!.startsWith('本报8月11日讯今天下午，区政协')).toBe(true);
    expect(r.articles[2]!.paragraphs[0]!.startsWith('本报讯为进一步提升')).toBe(true);
    expect(r.articles[0]!.paragraphs[0]).toContain('聚力攻克工作“瓶颈”问题。');
    expect(r.articles[1]!.paragraphs[1]).toContain('要坚持“策划带动，规划引领”，');
    expect(r.articles[4]!.paragraphs[0]).toBe('新区气候投融资试点的有关做法给予充分肯定，新区顺利通过了评审。');
  });

  it('gives every headline line a passage of its own article', () => {
    const heads = r.passages.filter((p) => p.kind === 'headline' || p.kind === 'subtitle');
    expect(heads.map((p) => [p.kind, p.article])).toEqual([
      ['subtitle', 0], ['headline', 3], ['headline', 0], ['headline', 5], ['headline', 7], ['headline', 6],
    ]);
  });
});

describe('looksLikePage', () => {
  it.each([
    ['a single clean paragraph', '今年以来，全市经济平稳向好，地区生产总值同比增长5.6%，规模以上工业增加值增长7.1%。'],
    ['lines that are whole sentences', '全年新增城镇就业5.2万人。\n农村居民收入年均增长6.3%。\n粮食总产量连续五年稳定在百亿斤以上。\n空气质量优良天数比例达到87%。'],
    ['two short lines', '城北街道老旧小区改造\n惠及两千余户居民'],
    ['empty', ''],
    ['whitespace only', ' \n\u3000\n\t'],
    // As many short lines (headline, source, editor) as paragraphs, but the text is in the paragraphs.
    [
      'a web story saved as text',
      '老旧小区加装电梯今年完成三百部\n来源：海滨日报　2024-04-02 09:30\n　　记者从市住建局了解到，今年全市计划为老旧小区加装电梯300部，目前已有120部开工，其余将在年内陆续启动。\n　　市住建局有关负责人说，加装电梯实行“一梯一策”，居民协商一致后即可申请补贴。（记者 许文静）\n责任编辑：高明',
    ],
    // Short paragraphs: the source and editor lines are furniture, not lines that wrap.
    ['a short web story', '菜市场早市延长到九点\n来源：海滨日报　2024-04-02 09:30\n　　记者昨天走访发现，城区多个菜市场早市延长。\n　　市民普遍表示欢迎。\n　　市场方表示将继续观察。\n责任编辑：高明'],
    // Narrow lines, but each paragraph a whole line: the byline line and the closing byline are cues of a story.
    ['a short story with a closing byline line', '城市更新行动全面提速\n\n　　今年将改造老旧小区两百个。\n　　改造内容包括管网更新。\n　　（本报记者 张三 通讯员 李四）\n【纠错】'],
    ['a short story closed by a byline after its last sentence', '城市更新行动全面提速\n2024年04月02日 09:30 来源：海滨网\n记者从市住建局获悉，今年将改造老旧小区两百个。\n改造内容包括管网更新、加装电梯等。”（本报记者 张三 报道）'],
  ])('false for %s', (_name, raw) => {
    expect(looksLikePage(raw, CUES)).toBe(false);
  });

  it.each([
    ['the seed page', readFileSync(SEED, 'utf8')],
    ['a fixture page', page('binjiang-district-2023-05.txt')],
    ['a short wrapped column', '　　□记者 李涛 报道\n　　本报讯 为进一步提升新区干\n部基层社会治理的能力和水平，助\n推新区社会治理转型创新发展。'],
  ])('true for %s', (_name, raw) => {
    expect(looksLikePage(raw, CUES)).toBe(true);
  });
});

describe('layoutPage: bad input never throws', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', '  \n\u3000\u3000\n\r\n\t'],
    ['a single line', '今天天气很好。'],
    ['a single headline-like line', '东湖公园灯光秀亮相'],
    ['CRLF line endings', '　　□记者 李涛 报道\r\n　　本报讯 为进一步提升新区干\r\n部基层社会治理的能力和水平。\r\n'],
    ['a very long line', '发展'.repeat(50_000)],
    ['odd characters', '\u0000\uFEFF\uD800□（上接第版）\u200B\n——\n（下转第四版）\n□记者'],
    ['astral characters', '　　𠀀𠀁本报讯 𠀂测试\n文字。'],
  ])('%s', (_name, raw) => {
    const r = layoutPage(raw, CUES);
    expectLayoutHolds(raw, r);
    if (!raw.trim()) expect(r.articles).toEqual([]);
    else expect(r.articles.length).toBeGreaterThanOrEqual(0);
  });

  it('CRLF gives the same articles as LF, offsets shifted by the CRs', () => {
    const lf = page('binjiang-district-2023-05.txt');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = layoutPage(lf, CUES).articles;
    const b = layoutPage(crlf, CUES).articles;
    expect(b.map((x) => [x.title, x.paragraphs])).toEqual(a.map((x) => [x.title, x.paragraphs]));
  });
});
