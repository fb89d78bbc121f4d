// Layout cues: bylines, datelines, continuation markers and furniture, read from dicts/layout-*.tsv.

import { describe, expect, it } from 'vitest';
import { loadLayoutCues } from '../../src/layout/cues.js';
import { endsSentence, splitLines } from '../../src/layout/lines.js';
import { DictFolder } from '../../src/dicts.js';

/** The layout cues of the package's dicts/. */
const CUES = loadLayoutCues(new DictFolder());

describe('parseByline', () => {
  it.each([
    ['□本报记者 刘腾', ['刘腾'], [], false],
    ['□记者 刘腾 报道', ['刘腾'], [], false],
    ['　　通讯员 任保龙 报道', [], ['任保龙'], false],
    ['□本报记者 王晓明 通讯员 林芳 周子涵', ['王晓明'], ['林芳', '周子涵'], false],
    ['□本报记者 郑雨桐 韩蕾', ['郑雨桐', '韩蕾'], [], false],
    ['记者刘腾报道', ['刘腾'], [], false],
    ['（记者 张三）', ['张三'], [], true],
    ['（本报记者 王晓峰 通讯员 陈静）', ['王晓峰'], ['陈静'], true],
    ['□记者 李涛 实习生 孙悦 报道', ['李涛'], [], false],
    ['新华社记者 艾力·买买提', ['艾力·买买提'], [], false],
    ['文/周晓川', [], [], false],
    ['文/本报记者 郑雨桐', ['郑雨桐'], [], false],
  ])('%s', (line, reporters, correspondents, trailing) => {
    expect(CUES.parseByline(line)).toEqual({ reporters, correspondents, trailing });
  });

  it.each([
    '记者获悉，帐篷、饮用水等物资已陆续运抵安置点',
    '记者随后又了解到',
    '者 随 后 又 了 解 到 ，尽 管 当 前',
    '国产商用车',
    '报道指出，双方将扩大农产品贸易',
    '□',
    '',
  ])('not a byline: %s', (line) => {
    expect(CUES.parseByline(line)).toBeNull();
  });
});

describe('matchDateline', () => {
  it.each([
    ['本报8月11日讯今天下午，区政协', '8月11日', 8],
    ['本报讯为进一步提升新区干部', null, 3],
    ['本报昆明11月3日电据法新社', '11月3日', 10],
    ['新华社北京3月5日电（记者张三）国务院', '3月5日', 16],
    ['央广网北京3月5日消息（记者张三）国务院', '3月5日', 17],
    ['央视网消息（朝闻天下）：连日来', null, 11],
    ['本刊讯（记者林芳）近日', null, 9],
  ])('%s', (text, date, length) => {
    const m = CUES.matchDateline(text);
    expect(m).not.toBeNull();
    expect(m!.date).toBe(date);
    expect(m!.length).toBe(length);
  });

  it('finds the byline inside a dateline', () => {
    const text = '本报讯（记者林芳）近日，区图书馆';
    const m = CUES.matchDateline(text)!;
    expect(text.slice(...m.who!)).toBe('记者林芳');
  });

  it.each(['据英国广播公司10月12日报道', '今年以来，本报讯员', '随着我国汽车产品综合竞争力'])('no dateline: %s', (text) => {
    expect(CUES.matchDateline(text)).toBeNull();
  });
});

describe('readDateline', () => {
  it.each([
    ['本报讯（记者 王晓明 通讯员 李佳）11月20日，余杭区召开推进会。', null, ['王晓明'], ['李佳']],
    ['新华社北京3月5日电（记者 张三 李四）国务院总理今天作政府工作报告。', '3月5日', ['张三', '李四'], []],
    ['本报杭州 11 月 20 日电（记者 周子涵 通讯员 陈默 林芳）浙江今天发布新规。', '11月20日', ['周子涵'], ['陈默', '林芳']],
  ])('%s', (text, date, reporters, correspondents) => {
    const d = CUES.readDateline(text)!;
    expect(d.date).toBe(date);
    expect(d.byline).toMatchObject({ reporters, correspondents });
  });

  it('looks only at the opening of a huge one-line paragraph', () => {
    const text = '新华社北京3月5日电（记者 张三）' + '国务院总理今天作政府工作报告。'.repeat(200_000);
    expect(CUES.readDateline(text)).toMatchObject({ date: '3月5日', byline: { reporters: ['张三'] } });
  });

  it('reads a dateline without a byline', () => {
    expect(CUES.readDateline('本报8月11日讯 今天下午，区政协召开常委会议。')).toEqual({ date: '8月11日', byline: null });
  });

  it.each(['记者从区发改局获悉，全年投资增长8%。', '今天是个好天气。', ''])('no dateline: %s', (text) => {
    expect(CUES.readDateline(text)).toBeNull();
  });
});

describe('matchMarker', () => {
  it.each([
    ['（上接第一版）', 'from', '第一版'],
    ['（上接第一版）新区气候投融资试点', 'from', '第一版'],
    ['(上接第3版)', 'from', '第3版'],
    ['（上接A2版）', 'from', '第A2版'],
    ['（下转第四版）', 'to', '第四版'],
    ['力争全年新增贷款50亿元以上。（下转第四版）', 'to', '第四版'],
  ])('%s', (text, kind, page) => {
    expect(CUES.matchMarker(text)).toMatchObject({ kind, page });
  });

  it('ignores a marker quoted mid-line', () => {
    expect(CUES.matchMarker('报道中的（上接第一版）字样')).toBeNull();
  });
});

describe('isFurniture', () => {
  it.each([
    ['责任编辑：赵丽', true],
    ['第7版民生', true],
    ['2023年6月14日星期三', true],
    ['第一阶段工作组织架构', false],
    ['国产商用车“排队”出海', false],
    ['2024年3月6日星期三责任编辑：李明美编：张华', true],
    ['04要闻', true],
    ['第3版综合', true],
    // a short headline with a number is no page header
    ['5项措施', false],
    ['12家企业上榜', false],
    // mastheads, in any order
    ['2024年3月12日星期二海滨日报3', true],
    ['海滨日报2024年3月12日星期二第3版', true],
    ['A3海滨晚报周五', true],
    ['海滨日报创刊七十周年', false],
    ['3月12日星期二海滨日报第3版：要闻', true],
    ['海滨日报3月12日', true],
    // web page furniture
    ['来源：新华网2024-04-0209:30', true],
    ['2024-04-0209:30来源：人民网', true],
    ['发布时间：2024-04-0210:15来源：海滨网字号：大中小', true],
    ['[责任编辑：高明]', true],
    ['（责任编辑：孙立）', true],
    ['分享到：微信微博', true],
    ['【打印】【关闭窗口】', true],
    ['（完）', true],
    ['来源广泛的资金支持', false],
  ])('%s -> %s', (line, yes) => {
    expect(CUES.isFurniture(line)).toBe(yes);
  });
});

describe('trailingByline', () => {
  it.each([
    ['下一步，全市将建设跨境电商综合试验区。（记者 宗武邦）', ['宗武邦'], []],
    ['一季度进出口同比增长9.1%。（记者 张三 李四 通讯员 王五）', ['张三', '李四'], ['王五']],
    ['他说：“我们会坚持下去。”（本报记者 林芳）', ['林芳'], []],
  ])('%s', (text, reporters, correspondents) => {
    expect(CUES.trailingByline(text)).toMatchObject({ reporters, correspondents });
  });

  it.each([
    // a parenthesis that is not a byline, one inside the sentence, one with no sentence before it
    '全市新增市场主体3.2万户。（数据来源：市市场监管局）',
    '记者（左一）在现场采访。',
    '（记者 宗武邦）',
    '全市新增市场主体3.2万户。',
  ])('no closing byline: %s', (text) => {
    expect(CUES.trailingByline(text)).toBeNull();
  });
});

describe('isCaption', () => {
  it.each([
    ['图为工人在生产线上作业。本报记者王伟摄', true],
    ['图为：志愿者为老人量血压。', true],
    ['上图为新建成的城市书房。', true],
    ['新华社记者李贺摄', true],
    ['王伟摄', true],
    ['陈静、刘芳摄影', false],
    ['通讯员陈静、刘芳摄影', true],
    // body and headline lines are not
    ['记者在现场看到，工作人员正在拍摄', false],
    ['图书馆新馆开放', false],
    ['企业积极开展技术改造', false],
  ])('%s -> %s', (line, yes) => {
    expect(CUES.isCaption(line)).toBe(yes);
  });
});

describe('lines', () => {
  it('measures printed width: CJK 1, ASCII 0.5, letter-spacing 0', () => {
    const [a, b, c] = splitLines('　　今年以来，青岛开发区紧扣高质\n意 义。要 坚 持“策 划 带 动 ，规 划 引\r\n产品远销欧美，年出口额突破4800');
    expect([a!.indent, a!.width]).toEqual([2, 16]);
    expect(b!.width).toBe(15);
    expect(b!.compact).toBe('意义。要坚持“策划带动，规划引');
    expect(c!.width).toBe(15);
  });

  it.each([
    ['好评。', true],
    ['的目标。”', true],
    ['有何看法？', true],
    ['直面“成长烦恼”', false],
    ['“瓶颈”问题。上半年，在持续探索新', false],
    ['（9月2日央广网）', false],
  ])('endsSentence(%s) -> %s', (text, yes) => {
    expect(endsSentence(text)).toBe(yes);
  });
});

describe('closingByline', () => {
  it.each([
    ['运动鞋发放到孩子们手中。（记者 许文静）', 12, ['许文静']],
    ['一季度同比增长10.2%。（记者 林海 周启明）', 13, ['林海', '周启明']],
    ['市民纷纷点赞。（文/钱晓帆）', 7, []],
  ])('%s', (text, at, reporters) => {
    const c = CUES.closingByline(text);
    expect(c?.at).toBe(at);
    expect(text.slice(c!.at)).toMatch(/^（/u);
    expect(c?.byline.reporters).toEqual(reporters);
  });
  it.each(['一季度同比增长（初步核算）', '增长10.2%。（完）', '（记者 许文静）正文继续'])('none in %s', (text) => {
    expect(CUES.closingByline(text)).toBeNull();
  });
});
