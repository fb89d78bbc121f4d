// Layout cues: bylines, datelines, continuation markers and furniture, read from dicts/layout-*.tsv.

import { describe, expect, it } from 'vitest';
import { isFurniture, matchDateline, matchMarker, parseByline } from '../../src/layout/cues.js';
import { endsSentence, splitLines } from '../../src/layout/lines.js';

describe('parseByline', () => {
  it.each([
    ['□本报记者 刘腾', ['刘腾'], [], false],
    ['□记者 刘腾 报道', ['刘腾'], [], false],
    ['　　通讯员 任保龙 报道', [], ['任保龙'], false],
    ['□本报记者 陶松 通讯员 肖翔 邹敏帆', ['陶松'], ['肖翔', '邹敏帆'], false],
    ['□本报记者 曹悦红 向琳', ['曹悦红', '向琳'], [], false],
    ['记者刘腾报道', ['刘腾'], [], false],
    ['（记者 张三）', ['张三'], [], true],
    ['（本报记者 王晓峰 通讯员 陈静）', ['王晓峰'], ['陈静'], true],
    ['□记者 李涛 实习生 孙悦 报道', ['李涛'], [], false],
    ['新华社记者 艾力·买买提', ['艾力·买买提'], [], false],
  ])('%s', (line, reporters, correspondents, trailing) => {
    expect(parseByline(line)).toEqual({ reporters, correspondents, trailing });
  });

  it.each([
    '记者获悉，消毒液、雨衣等仍是灾区最急需的物品',
    '记者同时还了解到',
    '者 同 时 还 了 解 到 ，虽 然 目 前',
    '国产商用车',
    '报道称，三国领导人将签署协议',
    '□',
    '',
  ])('not a byline: %s', (line) => {
    expect(parseByline(line)).toBeNull();
  });
});

describe('matchDateline', () => {
  it.each([
    ['本报8月11日讯今天下午，区政协', '8月11日', 8],
    ['本报讯为进一步提升新区干部', null, 3],
    ['本报成都9月8日电据日本共同社', '9月8日', 9],
    ['新华社北京3月5日电（记者张三）国务院', '3月5日', 16],
  ])('%s', (text, date, length) => {
    const m = matchDateline(text);
    expect(m).not.toBeNull();
    expect(m!.date).toBe(date);
    expect(m!.length).toBe(length);
  });

  it('finds the byline inside a dateline', () => {
    const text = '本报讯（记者李秋萌）昨天，市红十字会';
    const m = matchDateline(text)!;
    expect(text.slice(...m.who!)).toBe('记者李秋萌');
  });

  it.each(['据日本时事通信社7月17日报道', '今年以来，本报讯员', '随着我国汽车产品综合竞争力'])('no dateline: %s', (text) => {
    expect(matchDateline(text)).toBeNull();
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
    expect(matchMarker(text)).toMatchObject({ kind, page });
  });

  it('ignores a marker quoted mid-line', () => {
    expect(matchMarker('报道中的（上接第一版）字样')).toBeNull();
  });
});

describe('isFurniture', () => {
  it.each([
    ['责任编辑：赵丽', true],
    ['第5版经济', true],
    ['2021年10月3日星期二', true],
    ['第一阶段工作组织架构', false],
    ['国产商用车“排队”出海', false],
  ])('%s -> %s', (line, yes) => {
    expect(isFurniture(line)).toBe(yes);
  });
});

describe('lines', () => {
  it('measures printed width: CJK 1, ASCII 0.5, letter-spacing 0', () => {
    const [a, b, c] = splitLines('　　今年以来，青岛开发区紧扣高质\n意 义。要 坚 持“策 划 带 动 ，规 划 引\r\n作品走向世界，海外用户达到3200');
    expect([a!.indent, a!.width]).toEqual([2, 16]);
    expect(b!.width).toBe(15);
    expect(b!.compact).toBe('意义。要坚持“策划带动，规划引');
    expect(c!.width).toBe(15);
  });

  it.each([
    ['好评。', true],
    ['价值观。”', true],
    ['有何回应？', true],
    ['应对“朝鲜挑衅”', false],
    ['“瓶颈”问题。上半年，在持续探索新', false],
    ['（7月17日国际在线）', false],
  ])('endsSentence(%s) -> %s', (text, yes) => {
    expect(endsSentence(text)).toBe(yes);
  });
});
